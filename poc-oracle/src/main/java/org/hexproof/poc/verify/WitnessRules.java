package org.hexproof.poc.verify;

import static org.hexproof.poc.verify.ParticipantSide.BEACONER;
import static org.hexproof.poc.verify.ParticipantSide.WITNESS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hexproof.core.radio.Region;

/**
 * The witness chain, poc-rules.md §2 steps 0–12 in order. Step 13 (HIP 106 witness reciprocity)
 * runs after it, in {@link PocVerifier}, and lives in {@link ReciprocityRules}. The geometric rules
 * (10–12) are in {@link GeometryRules}.
 */
final class WitnessRules {
  private WitnessRules() {}

  /** The chain; package-info lists the same names in the same order. */
  static final List<Rule<WitnessCheck>> RULES =
      List.of(
          Rule.of("not_duplicate", c -> notDuplicate(c.duplicate(), c.witness().hotspotId())),
          Rule.of(
              "gateway_found",
              c -> CommonRules.gatewayFound(c.witnessLookup(), c.witness().hotspotId(), WITNESS)),
          Rule.of("witness_asserted", c -> CommonRules.asserted(c.witnessInfo(), WITNESS)),
          Rule.of("beaconer_asserted", c -> CommonRules.asserted(c.beaconer(), BEACONER)),
          Rule.of("not_denied", c -> CommonRules.notDenied(c.witnessInfo(), WITNESS)),
          Rule.of(
              "edge_not_denied",
              c -> edgeNotDenied(c.beaconer().id(), c.witnessInfo().id(), c.deniedEdges())),
          Rule.of("not_self", c -> notSelf(c.beaconer().id(), c.witnessInfo().id())),
          Rule.of(
              "entropy_window",
              c ->
                  CommonRules.entropyWindow(
                      c.witness().receivedAt(),
                      c.entropy().start(),
                      c.profile().entropyLifespan(),
                      WITNESS)),
          Rule.of(
              "not_too_late",
              c ->
                  notTooLate(
                      c.beacon().receivedAt(),
                      c.firstWitnessAt(),
                      c.witness().receivedAt(),
                      c.profile())),
          Rule.of("same_data", c -> sameData(c.beacon().data(), c.witness())),
          Rule.of("full_capability", c -> CommonRules.fullCapability(c.witnessInfo(), WITNESS)),
          Rule.of(
              "frequency",
              c ->
                  frequency(
                      c.beacon().frequencyHz(),
                      c.witness().frequencyHz(),
                      c.profile().maxFrequencyDeltaHz())),
          Rule.of("same_region", c -> sameRegion(c.beaconer().region(), c.witnessInfo().region())),
          Rule.of(
              "min_distance",
              c ->
                  GeometryRules.minDistance(
                      c.beaconerLocation(), c.witnessLocation(), c.profile())),
          Rule.of(
              "max_distance",
              c ->
                  GeometryRules.maxDistance(
                      c.beaconerLocation(), c.witnessLocation(), c.profile().maxDistanceKm())),
          Rule.of(
              "rssi",
              c ->
                  GeometryRules.rssi(
                      new GeometryRules.RssiInputs(
                          c.witness().signalDdbm(),
                          c.witness().frequencyHz(),
                          c.beacon().txPowerDbm(),
                          c.beaconer().gainDdbi(),
                          c.witnessInfo().gainDdbi(),
                          GeometryRules.roundedMeters(c.beaconerLocation(), c.witnessLocation())),
                      c.profile().speedOfLightMps())));

  /** Runs the chain: valid, or the first rule's rejection. */
  static Verdict verify(WitnessCheck check) {
    return Rule.firstRejection(RULES, check)
        .<Verdict>map(Rejection::toVerdict)
        .orElse(Verdict.VALID);
  }

  /** §2.0: only the first report from a gateway counts. */
  static Optional<Rejection> notDuplicate(boolean duplicate, String witnessId) {
    return duplicate
        ? Rejection.witness(
            InvalidReason.DUPLICATE, "a report from " + witnessId + " was already received")
        : Rejection.PASS;
  }

  /** §2.2: the (beaconer, witness) pair is not a denied edge, in either order. */
  static Optional<Rejection> edgeNotDenied(
      String beaconerId, String witnessId, Set<DeniedEdge> deniedEdges) {
    return deniedEdges.contains(DeniedEdge.of(beaconerId, witnessId))
        ? Rejection.witness(
            InvalidReason.DENIED_EDGE, beaconerId + " and " + witnessId + " are a denied edge")
        : Rejection.PASS;
  }

  /** §2.3: a hotspot does not witness its own beacon. */
  static Optional<Rejection> notSelf(String beaconerId, String witnessId) {
    return beaconerId.equals(witnessId)
        ? Rejection.witness(InvalidReason.SELF_WITNESS, witnessId + " witnessed its own beacon")
        : Rejection.PASS;
  }

  /**
   * §2.5: if the beacon arrived no later than the first witness, a witness may lag the beacon by at
   * most {@code maxBeaconToWitnessLag}; otherwise it may lag the first witness by at most {@code
   * maxWitnessLag}. Lags are whole milliseconds, truncated.
   */
  static Optional<Rejection> notTooLate(
      Instant beaconAt, Instant firstWitnessAt, Instant witnessAt, RuleProfile profile) {
    boolean beaconFirst = !beaconAt.isAfter(firstWitnessAt);
    Instant from = beaconFirst ? beaconAt : firstWitnessAt;
    Duration limit = beaconFirst ? profile.maxBeaconToWitnessLag() : profile.maxWitnessLag();
    long lagMillis = Duration.between(from, witnessAt).toMillis();
    if (lagMillis > limit.toMillis()) {
      return Rejection.witness(
          InvalidReason.TOO_LATE,
          "received "
              + lagMillis
              + " ms after the "
              + (beaconFirst ? "beacon" : "first witness")
              + ", limit "
              + limit.toMillis()
              + " ms");
    }
    return Rejection.PASS;
  }

  /**
   * §2.6: the witness heard the beacon's payload (a WiFi witness: its 20-byte SSID prefix, see
   * {@link WitnessReport#heard}).
   */
  static Optional<Rejection> sameData(Bytes beaconData, WitnessReport witness) {
    return witness.heard(beaconData)
        ? Rejection.PASS
        : Rejection.witness(InvalidReason.INVALID_PACKET, "data differs from the beacon's");
  }

  /** §2.8: |beacon − witness| frequency at most the limit; the limit itself passes. */
  static Optional<Rejection> frequency(long beaconHz, long witnessHz, long maxDeltaHz) {
    long delta = Math.abs(beaconHz - witnessHz);
    return delta > maxDeltaHz
        ? Rejection.witness(
            InvalidReason.INVALID_FREQUENCY,
            "frequency differs by " + delta + " Hz, limit " + maxDeltaHz + " Hz")
        : Rejection.PASS;
  }

  /** §2.9: the witness is asserted in the beaconer's region. */
  static Optional<Rejection> sameRegion(Region beaconerRegion, Region witnessRegion) {
    return beaconerRegion == witnessRegion
        ? Rejection.PASS
        : Rejection.witness(
            InvalidReason.INVALID_REGION,
            "witness region "
                + witnessRegion.displayName()
                + " is not the beaconer's "
                + beaconerRegion.displayName());
  }
}
