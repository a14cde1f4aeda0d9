package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;

/**
 * A field measurement: a mapper sent a packet at a place and time, and zero or more hotspots heard
 * it. A measurement nobody heard is evidence of <em>no</em> coverage, which is different from no
 * evidence at all.
 *
 * @param location where the packet was sent, not null
 * @param observedAt when, not null
 * @param rssiDbm the best RSSI at which a hotspot heard it, in dBm; present exactly when {@code
 *     heardBy} is not empty
 * @param snrDb the SNR that went with {@code rssiDbm}, in dB; present exactly when {@code heardBy}
 *     is not empty
 * @param heardBy the hotspots that heard it; may be empty; copied
 */
public record Measurement(
    LatLng location,
    Instant observedAt,
    OptionalDouble rssiDbm,
    OptionalDouble snrDb,
    Set<PublicKey> heardBy) {

  /**
   * Validates: signal values go with hearers.
   *
   * @throws IllegalArgumentException if the signal values are present without hearers or missing
   *     with them, or out of range
   */
  public Measurement {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(rssiDbm, "rssiDbm");
    Objects.requireNonNull(snrDb, "snrDb");
    heardBy = Set.copyOf(heardBy);
    boolean heard = !heardBy.isEmpty();
    if (rssiDbm.isPresent() != heard || snrDb.isPresent() != heard) {
      throw new IllegalArgumentException(
          "rssiDbm/snrDb: expected both present when heardBy is not empty and both absent when it"
              + " is empty, got heardBy="
              + heardBy.size()
              + " hotspot(s), rssiDbm="
              + rssiDbm
              + ", snrDb="
              + snrDb);
    }
    if (heard) {
      Checks.inRange("rssiDbm", rssiDbm.getAsDouble(), -200, 50);
      Checks.inRange("snrDb", snrDb.getAsDouble(), -50, 50);
    }
  }

  /**
   * A measurement some hotspots heard.
   *
   * @param location where, not null
   * @param observedAt when, not null
   * @param rssiDbm best RSSI in dBm
   * @param snrDb its SNR in dB
   * @param heardBy at least one hotspot
   * @return the measurement
   */
  public static Measurement heard(
      LatLng location, Instant observedAt, double rssiDbm, double snrDb, Set<PublicKey> heardBy) {
    if (heardBy.isEmpty()) {
      throw new IllegalArgumentException("heardBy: expected at least one hotspot, got none");
    }
    return new Measurement(
        location, observedAt, OptionalDouble.of(rssiDbm), OptionalDouble.of(snrDb), heardBy);
  }

  /**
   * A measurement no hotspot heard.
   *
   * @param location where, not null
   * @param observedAt when, not null
   * @return the measurement
   */
  public static Measurement notHeard(LatLng location, Instant observedAt) {
    return new Measurement(
        location, observedAt, OptionalDouble.empty(), OptionalDouble.empty(), Set.of());
  }

  /** Whether any hotspot heard it. */
  public boolean heard() {
    return !heardBy.isEmpty();
  }
}
