package org.hexproof.fieldtests.rf;

import org.hexproof.core.geo.LatLng;

/**
 * Distances and offsets on a spherical Earth with H3's radius, so that simulated distances agree
 * with the oracle's {@code H3Cell.distanceMeters} (haversine, poc-rules.md §2 item 11).
 */
public final class Geodesy {
  /** Earth radius H3 uses ({@code EARTH_RADIUS_KM} = 6371.007180918475), metres. */
  public static final double EARTH_RADIUS_METERS = 6_371_007.180918475;

  private Geodesy() {}

  /** Great-circle (haversine) distance, metres, ≥ 0. */
  public static double distanceMeters(LatLng a, LatLng b) {
    double lat1 = Math.toRadians(a.latDegrees());
    double lat2 = Math.toRadians(b.latDegrees());
    double dLat = lat2 - lat1;
    double dLng = Math.toRadians(b.lngDegrees() - a.lngDegrees());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }

  /**
   * The point {@code distanceMeters} from {@code start} along the initial bearing {@code
   * bearingDegrees} (0 north, 90 east), on the great circle.
   *
   * @throws IllegalArgumentException if the distance is negative or not finite
   */
  public static LatLng destination(LatLng start, double bearingDegrees, double distanceMeters) {
    if (!(distanceMeters >= 0) || !Double.isFinite(distanceMeters)) {
      throw new IllegalArgumentException("distance: expected ≥ 0 m, got " + distanceMeters);
    }
    double delta = distanceMeters / EARTH_RADIUS_METERS;
    double theta = Math.toRadians(bearingDegrees);
    double lat1 = Math.toRadians(start.latDegrees());
    double lng1 = Math.toRadians(start.lngDegrees());
    double lat2 =
        Math.asin(
            Math.sin(lat1) * Math.cos(delta) + Math.cos(lat1) * Math.sin(delta) * Math.cos(theta));
    double lng2 =
        lng1
            + Math.atan2(
                Math.sin(theta) * Math.sin(delta) * Math.cos(lat1),
                Math.cos(delta) - Math.sin(lat1) * Math.sin(lat2));
    double lngDegrees = ((Math.toDegrees(lng2) + 540.0) % 360.0) - 180.0;
    return new LatLng(Math.toDegrees(lat2), lngDegrees);
  }
}
