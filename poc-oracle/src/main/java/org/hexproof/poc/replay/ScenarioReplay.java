package org.hexproof.poc.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.poc.density.DensityParameters;
import org.hexproof.poc.density.HexDensity;
import org.hexproof.poc.density.HexScales;
import org.hexproof.poc.density.Interactivity;
import org.hexproof.poc.verify.PocResult;
import org.hexproof.poc.verify.PocVerifier;
import org.hexproof.poc.verify.RuleProfile;
import org.hexproof.poc.verify.RuleProfiles;
import org.hexproof.poc.verify.Verdict;
import org.hexproof.poc.verify.WitnessResult;

/** Replays a DESIGN.md scenario through {@link PocVerifier} and renders the DESIGN.md output. */
public final class ScenarioReplay {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private ScenarioReplay() {}

  /**
   * Parses a scenario document.
   *
   * @param json the scenario text
   * @throws ScenarioException naming the JSON path when the document is not a scenario
   */
  public static Scenario parse(String json) {
    return ScenarioParser.parse(json);
  }

  /**
   * The rule profile a scenario runs under: {@link RuleProfile#wifi()} when the beaconer is in a
   * WiFi region, else {@link RuleProfile#heliumIot2025()}; the scenario's {@code max_witnesses}
   * replaces the selection cap.
   */
  public static RuleProfile profileFor(Scenario scenario) {
    RuleProfile profile =
        RuleProfiles.helium()
            .forBeaconer(scenario.input().hotspot(scenario.input().beacon().hotspotId()));
    return scenario.maxWitnesses().isPresent()
        ? profile.withMaxWitnesses(scenario.maxWitnesses().getAsInt())
        : profile;
  }

  /**
   * Verifies the scenario's PoC.
   *
   * @throws org.hexproof.poc.verify.UnverifiableBeaconException when the scenario's {@code regions}
   *     lack the beaconer's region, or the entropy version builds no beacon
   */
  public static PocResult run(Scenario scenario, HexScales hexScales) {
    return new PocVerifier(scenario.regionPlans(), hexScales)
        .verify(profileFor(scenario), scenario.input());
  }

  /** Parses, verifies and renders in one step; the result is one line of JSON. */
  public static String replay(String json, HexScales hexScales) {
    return render(run(parse(json), hexScales));
  }

  /**
   * Parses, verifies with the scenario's own hex density ({@link #densityOf}) and renders: what
   * {@code hexproof verify} prints.
   */
  public static String replay(String json) {
    Scenario scenario = parse(json);
    return render(run(scenario, densityOf(scenario)));
  }

  /**
   * The hex density the oracle would hold for this scenario: every hotspot whose last beacon
   * reciprocity is within the HIP-17 interactivity window (60 h) of the scenario's {@code now} (the
   * beacon's receive time when {@code now} is absent) counts at its asserted location, with the
   * HIP-104 parameters (poc-rules.md §5). Beaconers outside the map get {@link
   * HexScales#DEFAULT_SCALE}.
   */
  public static HexScales densityOf(Scenario scenario) {
    Instant now = scenario.now().orElse(scenario.input().beacon().receivedAt());
    List<H3Cell> interactive =
        scenario.input().hotspots().values().stream()
            .filter(
                h ->
                    Interactivity.isInteractive(
                        h.lastBeaconReciprocityAt(), now, Interactivity.HIP17_WINDOW))
            .flatMap(h -> h.location().stream())
            .toList();
    return HexDensity.compute(interactive, DensityParameters.hip104());
  }

  /**
   * The DESIGN.md output: {@code {"beacon": {"verdict", "reason"}, "witnesses": [{"hotspot",
   * "verdict", "reason", "selected"}], "hex_scale", "reward_units": {"beaconer", "witness"}}}. A
   * valid verdict has {@code "reason": null}; decimals are plain, without trailing zeros.
   */
  public static String render(PocResult result) {
    ObjectNode root = MAPPER.createObjectNode();
    verdict(root.putObject("beacon"), result.beacon());
    ArrayNode witnesses = root.putArray("witnesses");
    for (WitnessResult w : result.witnesses()) {
      ObjectNode node = witnesses.addObject();
      node.put("hotspot", w.report().hotspotId());
      verdict(node, w.verdict());
      node.put("selected", w.selected());
    }
    root.put("hex_scale", plain(result.hexScale()));
    ObjectNode units = root.putObject("reward_units");
    units.put("beaconer", plain(result.rewardUnits().beaconer()));
    units.put("witness", plain(result.rewardUnits().perWitness()));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  private static void verdict(ObjectNode node, Verdict verdict) {
    node.put("verdict", verdict.label());
    node.put("reason", verdict.reasonName().orElse(null));
  }

  private static BigDecimal plain(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }
}
