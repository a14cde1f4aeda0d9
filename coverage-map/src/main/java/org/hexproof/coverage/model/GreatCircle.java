package org.hexproof.coverage.model;

import org.hexproof.core.geo.LatLng;

/** Haversine distance on H3's spherical Earth, so it agrees with {@code H3Cell.distanceMeters}. */
final class GreatCircle {
  /** H3's authalic Earth radius in metres ({@code EARTH_RADIUS_KM} in h3 {@code constants.h}). */
  static final double EARTH_RADIUS_METERS = 6_371_007.180918475;

  private GreatCircle() {}

  static double distanceMeters(LatLng a, LatLng b) {
    double lat1 = Math.toRadians(a.latDegrees());
    double lat2 = Math.toRadians(b.latDegrees());
    double dLat = lat2 - lat1;
    double dLng = Math.toRadians(b.lngDegrees() - a.lngDegrees());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }
}
