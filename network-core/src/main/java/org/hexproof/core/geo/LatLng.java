package org.hexproof.core.geo;

/**
 * A point on the WGS84 sphere in degrees, as H3 uses it. Equality is exact on both coordinates;
 * {@code -0.0} is stored as {@code 0.0} so the same point has one representation.
 *
 * @param latDegrees latitude in degrees, finite, in [-90, 90]
 * @param lngDegrees longitude in degrees, finite, in [-180, 180]
 */
public record LatLng(double latDegrees, double lngDegrees) {

  /**
   * Validates the ranges.
   *
   * @throws IllegalArgumentException if either value is not finite or out of range; the message
   *     names the bad value
   */
  public LatLng {
    if (!Double.isFinite(latDegrees) || latDegrees < -90.0 || latDegrees > 90.0) {
      throw new IllegalArgumentException(
          "latDegrees: expected a finite value in [-90, 90], got " + latDegrees);
    }
    if (!Double.isFinite(lngDegrees) || lngDegrees < -180.0 || lngDegrees > 180.0) {
      throw new IllegalArgumentException(
          "lngDegrees: expected a finite value in [-180, 180], got " + lngDegrees);
    }
    // Record equality uses Double.compare, which tells -0.0 from 0.0; adding 0.0 maps -0.0 to 0.0.
    latDegrees += 0.0;
    lngDegrees += 0.0;
  }

  static LatLng fromH3(com.uber.h3core.util.LatLng point) {
    return new LatLng(point.lat, point.lng);
  }

  com.uber.h3core.util.LatLng toH3() {
    return new com.uber.h3core.util.LatLng(latDegrees, lngDegrees);
  }
}
