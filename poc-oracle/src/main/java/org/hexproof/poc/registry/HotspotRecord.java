package org.hexproof.poc.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.radio.Region;
import org.hexproof.poc.verify.Capability;

/**
 * One registry row: who the hotspot is, where it says it is, and the verifier's timestamps.
 *
 * @param hotspot base58check key
 * @param owner base58check wallet key named at onboarding
 * @param capability full or data-only
 * @param onboardedAt oracle time of onboarding
 * @param location asserted cell at resolution 12, empty until asserted
 * @param region declared or derived region, empty until asserted
 * @param gainDdbi antenna gain, tenths of a dBi
 * @param elevationMeters antenna elevation, metres
 * @param locationNonce nonce of the last accepted assertion
 * @param denied whether the key is on the denylist
 * @param lastBeaconAt receive time of the latest beacon (schedule rule)
 * @param lastWitnessAt receive time of the latest witness that passed checks 0–12
 * @param lastBeaconReciprocityAt receive time of the latest valid beacon with a witness
 */
public record HotspotRecord(
    String hotspot,
    String owner,
    Capability capability,
    Instant onboardedAt,
    Optional<H3Cell> location,
    Optional<Region> region,
    int gainDdbi,
    int elevationMeters,
    OptionalLong locationNonce,
    boolean denied,
    Optional<Instant> lastBeaconAt,
    Optional<Instant> lastWitnessAt,
    Optional<Instant> lastBeaconReciprocityAt) {

  /** Validates non-null parts. */
  public HotspotRecord {
    Objects.requireNonNull(hotspot, "hotspot");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(onboardedAt, "onboardedAt");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(locationNonce, "locationNonce");
    Objects.requireNonNull(lastBeaconAt, "lastBeaconAt");
    Objects.requireNonNull(lastWitnessAt, "lastWitnessAt");
    Objects.requireNonNull(lastBeaconReciprocityAt, "lastBeaconReciprocityAt");
  }
}
