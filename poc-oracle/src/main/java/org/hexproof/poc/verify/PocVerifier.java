package org.hexproof.poc.verify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hexproof.poc.density.HexScales;

/**
 * Verifies one PoC — a beacon and its witness reports — as Helium's IoT oracle did (poc-rules.md
 * §1, §2, §6): the beacon chain, the witness chain per report, HIP 106 reciprocity, selection,
 * reward units and the beaconer's hex scale. Pure: it reads no clock and writes nothing; the
 * timestamps to persist come back as {@link StateUpdate}s.
 */
public final class PocVerifier {
  private final RegionPlans regionPlans;
  private final HexScales hexScales;

  /**
   * @param regionPlans the loaded region parameters
   * @param hexScales the beaconers' transmit scales
   */
  public PocVerifier(RegionPlans regionPlans, HexScales hexScales) {
    this.regionPlans = Objects.requireNonNull(regionPlans, "regionPlans");
    this.hexScales = Objects.requireNonNull(hexScales, "hexScales");
  }

  /**
   * Verifies a PoC under a rule profile.
   *
   * @param profile the constants
   * @param input the beacon, its witnesses and the registry
   * @return verdicts, selection, units, hex scale and state updates
   * @throws UnverifiableBeaconException when the beaconer's region parameters are not loaded or the
   *     entropy version cannot build a beacon; retry once configuration is fixed
   */
  public PocResult verify(RuleProfile profile, PocInput input) {
    BeaconReport beacon = input.beacon();
    List<WitnessReport> witnesses =
        input.witnesses().stream().sorted(Comparator.comparing(WitnessReport::receivedAt)).toList();
    Optional<HotspotInfo> beaconer = input.hotspot(beacon.hotspotId());
    Verdict beaconVerdict =
        BeaconRules.verify(
            new BeaconCheck(profile, input.entropy(), beacon, beaconer, regionPlans));

    List<StateUpdate> updates = new ArrayList<>();
    beaconer.ifPresent(
        b ->
            updates.add(
                new StateUpdate(b.id(), StateUpdate.Field.LAST_BEACON, beacon.receivedAt())));
    if (beaconVerdict instanceof Verdict.Invalid invalid) {
      return invalidPoc(invalid, witnesses, updates);
    }
    HotspotInfo beaconerInfo = beaconer.orElseThrow();

    List<WitnessResult> results = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Instant firstWitnessAt =
        witnesses.isEmpty() ? beacon.receivedAt() : witnesses.get(0).receivedAt();
    for (WitnessReport witness : witnesses) {
      boolean duplicate = !seen.add(witness.hotspotId());
      WitnessCheck check =
          new WitnessCheck(
              profile,
              input.entropy(),
              beacon,
              beaconerInfo,
              witness,
              duplicate,
              input.hotspot(witness.hotspotId()),
              input.deniedEdges(),
              firstWitnessAt);
      Verdict verdict = WitnessRules.verify(check);
      if (verdict.isValid()) {
        updates.add(
            new StateUpdate(
                witness.hotspotId(), StateUpdate.Field.LAST_WITNESS, witness.receivedAt()));
        verdict =
            ReciprocityRules.witnessReciprocity(
                    check.witnessInfo().lastBeaconReciprocityAt(),
                    witness.receivedAt(),
                    profile.reciprocityWindow())
                .<Verdict>map(Rejection::toVerdict)
                .orElse(Verdict.VALID);
      }
      results.add(new WitnessResult(witness, verdict, false));
    }

    Optional<Rejection> noWitnessing =
        ReciprocityRules.beaconerReciprocity(
            beaconerInfo.lastWitnessAt(), beacon.receivedAt(), profile.reciprocityWindow());
    if (noWitnessing.isPresent()) {
      return invalidPoc(noWitnessing.get().toVerdict(), witnesses, updates);
    }

    List<WitnessResult> selected = select(results, profile.maxWitnesses());
    int selectedCount = (int) selected.stream().filter(WitnessResult::selected).count();
    boolean witnessedByOthers =
        witnesses.stream().anyMatch(w -> !w.hotspotId().equals(beaconerInfo.id()));
    if (witnessedByOthers) {
      updates.add(
          new StateUpdate(
              beaconerInfo.id(), StateUpdate.Field.LAST_BEACON_RECIPROCITY, beacon.receivedAt()));
    }
    BigDecimal hexScale = hexScales.scaleOf(beaconerInfo.location().orElseThrow());
    return new PocResult(
        Verdict.VALID,
        selected,
        hexScale,
        RewardUnits.forValidWitnesses(selectedCount, profile),
        updates);
  }

  /**
   * Drops self-witnesses, then marks the first {@code maxWitnesses} valid results by receive time
   * as selected (HIP 83). {@code results} are already in receive order.
   */
  static List<WitnessResult> select(List<WitnessResult> results, int maxWitnesses) {
    List<WitnessResult> out = new ArrayList<>();
    int chosen = 0;
    for (WitnessResult result : results) {
      if (result.verdict() instanceof Verdict.Invalid invalid
          && invalid.reason() == InvalidReason.SELF_WITNESS) {
        continue;
      }
      boolean select = result.verdict().isValid() && chosen < maxWitnesses;
      if (select) {
        chosen++;
      }
      out.add(new WitnessResult(result.report(), result.verdict(), select));
    }
    return out;
  }

  /**
   * An invalid beacon makes every witness report invalid with the beacon's reason, on the beaconer
   * side, as the oracle's invalid-witness output does (all reports, unfiltered).
   */
  private static PocResult invalidPoc(
      Verdict.Invalid beaconVerdict, List<WitnessReport> witnesses, List<StateUpdate> updates) {
    Verdict.Invalid propagated =
        new Verdict.Invalid(
            beaconVerdict.reason(),
            ParticipantSide.BEACONER,
            "beacon invalid: " + beaconVerdict.detail());
    List<WitnessResult> results =
        witnesses.stream().map(w -> new WitnessResult(w, propagated, false)).toList();
    return new PocResult(beaconVerdict, results, BigDecimal.ZERO, RewardUnits.NONE, updates);
  }
}
