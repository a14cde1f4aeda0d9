package org.hexproof.poc.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.poc.density.DensityParameters;
import org.hexproof.poc.density.HexDensity;
import org.hexproof.poc.density.HexScales;
import org.junit.jupiter.api.Test;

/** {@code hexproof verify} takes the beaconer's hex scale from the scenario's own hotspots. */
class ScenarioDensityTest {
  private static final String BEACONER = "631615575095659519";
  private static final String NEIGHBOURS = "627111975465463807";

  /** The Malta scenario with the beaconer's and the witnesses' reciprocity times replaced. */
  private static Scenario malta(String beaconerReciprocity, String witnessReciprocity) {
    String json =
        ScenarioReplayTest.resource("helium-malta.json")
            .replaceFirst(
                "\"last_beacon_reciprocity_at\": null",
                "\"last_beacon_reciprocity_at\": " + beaconerReciprocity)
            .replace(
                "\"last_beacon_reciprocity_at\": \"2023-02-22T14:50:00.000Z\"",
                "\"last_beacon_reciprocity_at\": " + witnessReciprocity);
    return ScenarioReplay.parse(json);
  }

  private static BigDecimal beaconerScale(Scenario scenario) {
    return ScenarioReplay.densityOf(scenario).scaleOf(H3Cell.parse(BEACONER));
  }

  @Test
  void a_beaconer_that_is_not_interactive_gets_the_default_scale() {
    assertThat(beaconerScale(malta("null", "null"))).isEqualByComparingTo(HexScales.DEFAULT_SCALE);
  }

  @Test
  void an_interactive_beaconer_alone_in_its_hexes_gets_scale_one() {
    Scenario scenario = malta("\"2023-02-23T08:10:00.000Z\"", "null");

    assertThat(beaconerScale(scenario)).isEqualByComparingTo("1");
    assertThat(
            ScenarioReplay.render(ScenarioReplay.run(scenario, ScenarioReplay.densityOf(scenario))))
        .contains("\"hex_scale\":1,");
  }

  @Test
  void interactive_neighbours_share_the_density_map_the_oracle_would_build() {
    Scenario scenario = malta("\"2023-02-23T08:10:00.000Z\"", "\"2023-02-22T14:50:00.000Z\"");
    BigDecimal expected =
        HexDensity.compute(
                List.of(H3Cell.parse(BEACONER), H3Cell.parse(NEIGHBOURS), H3Cell.parse(NEIGHBOURS)),
                DensityParameters.hip104())
            .scaleOf(H3Cell.parse(BEACONER));

    assertThat(beaconerScale(scenario)).isEqualByComparingTo(expected);
  }

  @Test
  void interactivity_ends_60_hours_after_the_last_reciprocity() {
    // now = 2023-02-23T14:52:00Z; 60 h earlier is 2023-02-21T02:52:00Z
    assertThat(beaconerScale(malta("\"2023-02-21T02:52:00.000Z\"", "null")))
        .isEqualByComparingTo("1");
    assertThat(beaconerScale(malta("\"2023-02-21T02:51:59.999Z\"", "null")))
        .isEqualByComparingTo(HexScales.DEFAULT_SCALE);
  }
}
