package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.Objects;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;

/**
 * One valid witness of a beacon, as the verified-PoC feed reports it: who beaconed, where the
 * witness was, how far apart they were and how well the witness heard the beacon. Only witnesses
 * the oracle judged valid belong here; invalid ones are not evidence of coverage.
 *
 * @param beaconer the hotspot that sent the beacon, not null
 * @param witnessLocation the witness's asserted location, not null
 * @param distanceMeters beaconer-to-witness distance in metres, finite and &gt; 0
 * @param rssiDbm received signal strength at the witness in dBm, finite, in [-200, 50]
 * @param snrDb signal-to-noise ratio at the witness in dB, finite, in [-50, 50]
 * @param frequencyHz beacon carrier frequency in hertz, &gt; 0
 * @param observedAt when the witness heard the beacon, not null
 */
public record WitnessSample(
    PublicKey beaconer,
    LatLng witnessLocation,
    double distanceMeters,
    double rssiDbm,
    double snrDb,
    long frequencyHz,
    Instant observedAt) {

  /**
   * Validates the sample.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if a number is out of range; the message names it
   */
  public WitnessSample {
    Objects.requireNonNull(beaconer, "beaconer");
    Objects.requireNonNull(witnessLocation, "witnessLocation");
    Objects.requireNonNull(observedAt, "observedAt");
    if (!Double.isFinite(distanceMeters) || distanceMeters <= 0) {
      throw new IllegalArgumentException(
          "distanceMeters: expected a finite value > 0, got " + distanceMeters);
    }
    Checks.inRange("rssiDbm", rssiDbm, -200, 50);
    Checks.inRange("snrDb", snrDb, -50, 50);
    if (frequencyHz <= 0) {
      throw new IllegalArgumentException("frequencyHz: expected > 0, got " + frequencyHz);
    }
  }
}
