package org.hexproof.poc.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * HIP 106: a hotspot earns from beacons only if it also witnesses, and from witnesses only if its
 * own beacons are heard (poc-rules.md §1.9, §2.13). Both run after the witness chain.
 */
final class ReciprocityRules {
  private ReciprocityRules() {}

  /**
   * §1.9: the beaconer's last witness is strictly less than the window before this beacon;
   * otherwise the whole PoC is {@code gateway_no_valid_witnesses}.
   */
  static Optional<Rejection> beaconerReciprocity(
      Optional<Instant> lastWitnessAt, Instant beaconAt, Duration window) {
    if (lastWitnessAt.isPresent()
        && Duration.between(lastWitnessAt.get(), beaconAt).compareTo(window) < 0) {
      return Rejection.PASS;
    }
    return Rejection.beaconer(
        InvalidReason.GATEWAY_NO_VALID_WITNESSES,
        "beaconer's last witness "
            + lastWitnessAt.map(Instant::toString).orElse("never")
            + " is not within "
            + window
            + " before the beacon");
  }

  /**
   * §2.13: the witness's last valid beacon that was witnessed is strictly less than the window
   * before this witness report.
   */
  static Optional<Rejection> witnessReciprocity(
      Optional<Instant> lastBeaconReciprocityAt, Instant witnessAt, Duration window) {
    if (lastBeaconReciprocityAt.isPresent()
        && Duration.between(lastBeaconReciprocityAt.get(), witnessAt).compareTo(window) < 0) {
      return Rejection.PASS;
    }
    return Rejection.witness(
        InvalidReason.GATEWAY_NO_VALID_BEACONS,
        "witness's last witnessed beacon "
            + lastBeaconReciprocityAt.map(Instant::toString).orElse("never")
            + " is not within "
            + window
            + " before this report");
  }
}
