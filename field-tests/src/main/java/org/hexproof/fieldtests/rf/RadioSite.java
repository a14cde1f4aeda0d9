package org.hexproof.fieldtests.rf;

import java.util.Objects;
import org.hexproof.core.geo.LatLng;

/**
 * Where a simulated radio stands and what antenna it has.
 *
 * @param radioId stable id of the radio (a gateway EUI, a MAC), not blank; it keys the link's
 *     shadowing draw, so the same pair of ids always sees the same shadowing
 * @param position antenna position
 * @param antennaGainDdbi antenna gain, tenths of a dBi as Helium stores it (58 = 5.8 dBi),
 *     -100..200
 * @param elevationMeters antenna height above ground, metres, 0..1000; only lengthens the slant
 *     range (the model has no height gain)
 */
public record RadioSite(
    String radioId, LatLng position, int antennaGainDdbi, double elevationMeters) {

  /** Validates the ranges. */
  public RadioSite {
    Objects.requireNonNull(radioId, "radioId");
    Objects.requireNonNull(position, "position");
    if (radioId.isBlank()) {
      throw new IllegalArgumentException("radio id: expected an id, got blank");
    }
    if (antennaGainDdbi < -100 || antennaGainDdbi > 200) {
      throw new IllegalArgumentException(
          "antenna gain: expected -100..200 ddBi, got " + antennaGainDdbi);
    }
    if (!(elevationMeters >= 0 && elevationMeters <= 1000)) {
      throw new IllegalArgumentException(
          "elevation: expected 0..1000 m above ground, got " + elevationMeters);
    }
  }

  /** A site at ground level. */
  public static RadioSite at(String radioId, LatLng position, int antennaGainDdbi) {
    return new RadioSite(radioId, position, antennaGainDdbi, 0.0);
  }

  /** Antenna gain, dBi. */
  public double antennaGainDbi() {
    return antennaGainDdbi / 10.0;
  }

  /** Slant range to {@code other}: great-circle distance combined with the height difference. */
  public double distanceMeters(RadioSite other) {
    double ground = Geodesy.distanceMeters(position, other.position);
    double dh = elevationMeters - other.elevationMeters;
    return Math.sqrt(ground * ground + dh * dh);
  }
}
