package org.hexproof.poc.verify;

import static org.hexproof.poc.verify.ParticipantSide.BEACONER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.radio.ChannelPlan;

/**
 * The beacon chain, poc-rules.md §1 steps 1–8 in order. Step 9 (HIP 106 beaconer reciprocity) runs
 * after the witnesses, in {@link PocVerifier}, and lives in {@link ReciprocityRules}.
 */
final class BeaconRules {
  private BeaconRules() {}

  /** The chain; package-info lists the same names in the same order. */
  static final List<Rule<BeaconCheck>> RULES =
      List.of(
          Rule.of(
              "gateway_found",
              c -> CommonRules.gatewayFound(c.beaconerLookup(), c.beacon().hotspotId(), BEACONER)),
          Rule.of("asserted", c -> CommonRules.asserted(c.beaconer(), BEACONER)),
          Rule.of("region_params", c -> regionParamsResolve(c)),
          Rule.of("not_denied", c -> CommonRules.notDenied(c.beaconer(), BEACONER)),
          Rule.of(
              "entropy_window",
              c ->
                  CommonRules.entropyWindow(
                      c.beacon().receivedAt(),
                      c.entropy().start(),
                      c.profile().entropyLifespan(),
                      BEACONER)),
          Rule.of("full_capability", c -> CommonRules.fullCapability(c.beaconer(), BEACONER)),
          Rule.of(
              "beacon_schedule",
              c ->
                  beaconSchedule(
                      c.beaconer().lastBeaconAt(),
                      c.beacon().receivedAt(),
                      c.profile().beaconInterval())),
          Rule.of(
              "beacon_construction", c -> beaconConstruction(c.beacon(), c.entropy(), c.plan())));

  /** Runs the chain: valid, or the first rule's rejection (side beaconer). */
  static Verdict verify(BeaconCheck check) {
    return Rule.firstRejection(RULES, check)
        .<Verdict>map(Rejection::toVerdict)
        .orElse(Verdict.VALID);
  }

  /**
   * §1.3: never rejects; a region without parameters is a configuration failure.
   *
   * @throws UnverifiableBeaconException when the beaconer's region is not loaded
   */
  static Optional<Rejection> regionParamsResolve(BeaconCheck check) {
    check.plan();
    return Rejection.PASS;
  }

  /**
   * §1.7: one beacon per interval bucket aligned to the UTC epoch. The current bucket must be after
   * the previous beacon's; no previous beacon passes.
   */
  static Optional<Rejection> beaconSchedule(
      Optional<Instant> lastBeaconAt, Instant receivedAt, Duration interval) {
    if (lastBeaconAt.isEmpty()) {
      return Rejection.PASS;
    }
    long seconds = interval.getSeconds();
    long last = Math.floorDiv(lastBeaconAt.get().getEpochSecond(), seconds);
    long current = Math.floorDiv(receivedAt.getEpochSecond(), seconds);
    if (current <= last) {
      return Rejection.beaconer(
          InvalidReason.IRREGULAR_INTERVAL,
          "beacon at "
              + receivedAt
              + " is in the same or an earlier "
              + interval
              + " bucket than the last beacon at "
              + lastBeaconAt.get());
    }
    return Rejection.PASS;
  }

  /**
   * §1.8: regenerate the beacon from the oracle's entropy and the reported local entropy; data,
   * frequency, datarate, remote entropy and local entropy must match. Transmit power is not
   * compared.
   *
   * @throws UnverifiableBeaconException when the entropy version builds no beacon, or the plan
   *     cannot carry one
   */
  static Optional<Rejection> beaconConstruction(
      BeaconReport report, OracleEntropy entropy, ChannelPlan plan) {
    if (entropy.version() != 0 && entropy.version() != 1) {
      throw new UnverifiableBeaconException(
          "entropy version " + entropy.version() + ": only versions 0 and 1 build beacons");
    }
    if (report.localEntropy().length() != Entropy.LOCAL_ENTROPY_BYTES) {
      return Rejection.beaconer(
          InvalidReason.INVALID_PACKET,
          "local entropy: expected "
              + Entropy.LOCAL_ENTROPY_BYTES
              + " bytes, got "
              + report.localEntropy().length());
    }
    if (!report.remoteEntropy().equals(entropy.data())) {
      return Rejection.beaconer(
          InvalidReason.INVALID_PACKET, "remote entropy differs from the oracle's entropy");
    }
    Beacon expected;
    try {
      expected =
          BeaconGenerator.generate(
              entropy.toRemoteEntropy(), Entropy.local(report.localEntropy().toArray()), plan);
    } catch (IllegalArgumentException e) {
      throw new UnverifiableBeaconException("cannot build a beacon: " + e.getMessage(), e);
    }
    if (!Bytes.of(expected.data()).equals(report.data())) {
      return Rejection.beaconer(
          InvalidReason.INVALID_PACKET, "data differs from the beacon the entropies build");
    }
    if (expected.frequencyHz() != report.frequencyHz()) {
      return Rejection.beaconer(
          InvalidReason.INVALID_PACKET,
          "frequency: expected " + expected.frequencyHz() + " Hz, got " + report.frequencyHz());
    }
    if (expected.dataRate() != report.dataRate()) {
      return Rejection.beaconer(
          InvalidReason.INVALID_PACKET,
          "datarate: expected " + expected.dataRate() + ", got " + report.dataRate());
    }
    return Rejection.PASS;
  }
}
