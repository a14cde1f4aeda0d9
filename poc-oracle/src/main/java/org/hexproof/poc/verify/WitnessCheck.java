package org.hexproof.poc.verify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hexproof.core.geo.H3Cell;

/**
 * The context the witness chain runs on for one witness report of a valid beacon.
 *
 * @param duplicate whether an earlier report from the same gateway was already seen for this beacon
 * @param witnessLookup the witness's registry entry, if any
 * @param firstWitnessAt the earliest receive time among this beacon's witness reports
 */
record WitnessCheck(
    RuleProfile profile,
    OracleEntropy entropy,
    BeaconReport beacon,
    HotspotInfo beaconer,
    WitnessReport witness,
    boolean duplicate,
    Optional<HotspotInfo> witnessLookup,
    Set<DeniedEdge> deniedEdges,
    Instant firstWitnessAt) {

  WitnessCheck {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(entropy, "entropy");
    Objects.requireNonNull(beacon, "beacon");
    Objects.requireNonNull(beaconer, "beaconer");
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(witnessLookup, "witnessLookup");
    Objects.requireNonNull(deniedEdges, "deniedEdges");
    Objects.requireNonNull(firstWitnessAt, "firstWitnessAt");
  }

  /** The witness; rules after {@code gateway_found} may rely on it. */
  HotspotInfo witnessInfo() {
    return witnessLookup.orElseThrow(
        () -> new IllegalStateException("rule order: witness used before gateway_found"));
  }

  /** The witness's location; rules after {@code witness_asserted} may rely on it. */
  H3Cell witnessLocation() {
    return witnessInfo()
        .location()
        .orElseThrow(() -> new IllegalStateException("rule order: before witness_asserted"));
  }

  /** The beaconer's location; rules after {@code beaconer_asserted} may rely on it. */
  H3Cell beaconerLocation() {
    return beaconer
        .location()
        .orElseThrow(() -> new IllegalStateException("rule order: before beaconer_asserted"));
  }
}
