package org.hexproof.poc.verify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.radio.Region;

/**
 * What the oracle knows about one hotspot when it verifies a PoC: its registry entry and the
 * timestamps the verifier keeps between beacons.
 *
 * @param id the hotspot's key as text
 * @param location asserted location (typically resolution 12); empty when not asserted
 * @param region the region it operates in
 * @param gainDdbi antenna gain in tenths of a dBi (Helium stores 8.1 dBi as 81)
 * @param elevationMeters antenna elevation above ground, metres; copied to outputs only
 * @param capability full or data-only
 * @param denied whether its key is on the denylist
 * @param lastBeaconAt receive time of its previous beacon (schedule rule, §1.7)
 * @param lastWitnessAt receive time of its last witness that passed checks 0–12 (HIP 106, §1.9)
 * @param lastBeaconReciprocityAt receive time of its last valid beacon with at least one witness
 *     report (HIP 106, §2.13)
 */
public record HotspotInfo(
    String id,
    Optional<H3Cell> location,
    Region region,
    int gainDdbi,
    int elevationMeters,
    Capability capability,
    boolean denied,
    Optional<Instant> lastBeaconAt,
    Optional<Instant> lastWitnessAt,
    Optional<Instant> lastBeaconReciprocityAt) {

  /** Validates non-null parts. */
  public HotspotInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(lastBeaconAt, "lastBeaconAt");
    Objects.requireNonNull(lastWitnessAt, "lastWitnessAt");
    Objects.requireNonNull(lastBeaconReciprocityAt, "lastBeaconReciprocityAt");
  }
}
