package org.hexproof.coverage.tiles;

import org.hexproof.core.geo.LatLng;
import org.locationtech.jts.geom.Coordinate;

/** Spherical Web Mercator (EPSG:3857): WGS84 degrees to metres, latitude clamped to ±85.0511°. */
final class WebMercator {
  /** WGS84 semi-major axis, metres; EPSG:3857 uses it as the sphere radius. */
  static final double RADIUS_METERS = 6_378_137.0;

  /** Half the world's width (and height) in metres: π·R. */
  static final double HALF_WORLD_METERS = Math.PI * RADIUS_METERS;

  private WebMercator() {}

  /** Projects {@code (x = lng, y = lat)} degrees to metres. */
  static Coordinate project(double lngDegrees, double latDegrees) {
    double lat = Math.toRadians(TileCoordinate.clampLatitude(latDegrees));
    return new Coordinate(
        RADIUS_METERS * Math.toRadians(lngDegrees),
        RADIUS_METERS * Math.log(Math.tan(Math.PI / 4 + lat / 2)));
  }

  static Coordinate project(LatLng p) {
    return project(p.lngDegrees(), p.latDegrees());
  }
}
