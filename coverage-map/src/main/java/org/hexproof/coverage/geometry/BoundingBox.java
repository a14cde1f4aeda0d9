package org.hexproof.coverage.geometry;

import org.hexproof.core.geo.LatLng;

/**
 * A latitude/longitude box in degrees, south-west to north-east. Boxes crossing the antimeridian
 * (west &gt; east) are not supported: split them into two requests.
 *
 * @param south southern latitude, in [-90, 90), &lt; north
 * @param west western longitude, in [-180, 180), &lt; east
 * @param north northern latitude, in (-90, 90]
 * @param east eastern longitude, in (-180, 180]
 */
public record BoundingBox(double south, double west, double north, double east) {

  /** Mean Earth radius used for box areas, metres (H3's authalic radius). */
  private static final double EARTH_RADIUS_METERS = 6_371_007.180918475;

  /**
   * Validates.
   *
   * @throws InvalidQueryException naming the bad value and the expected range
   */
  public BoundingBox {
    latitude("south", south);
    latitude("north", north);
    longitude("west", west);
    longitude("east", east);
    if (!(south < north)) {
      throw new InvalidQueryException(
          "bbox", "expected south < north, got south=" + south + ", north=" + north);
    }
    if (!(west < east)) {
      throw new InvalidQueryException(
          "bbox",
          "expected west < east (boxes crossing the antimeridian are not supported), got west="
              + west
              + ", east="
              + east);
    }
  }

  /**
   * Parses the conventional {@code "west,south,east,north"} form (GeoJSON bbox order).
   *
   * @param text the text, not null
   * @return the box
   * @throws InvalidQueryException if it is not four comma-separated numbers or is out of range
   */
  public static BoundingBox parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw new InvalidQueryException(
          "bbox", "expected \"west,south,east,north\" in degrees, got \"" + text + "\"");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new InvalidQueryException(
            "bbox", "expected \"west,south,east,north\" in degrees, got \"" + text + "\"");
      }
    }
    return new BoundingBox(v[1], v[0], v[3], v[2]);
  }

  /** Whether the point is inside or on the edge. */
  public boolean contains(LatLng p) {
    return p.latDegrees() >= south
        && p.latDegrees() <= north
        && p.lngDegrees() >= west
        && p.lngDegrees() <= east;
  }

  /**
   * This box grown by a distance on every side, clamped to the valid ranges.
   *
   * @param meters margin, ≥ 0
   * @return the larger box
   */
  public BoundingBox expandedBy(double meters) {
    double dLat = Math.toDegrees(meters / EARTH_RADIUS_METERS);
    double widestLat = Math.min(89.0, Math.max(Math.abs(south), Math.abs(north)));
    double dLng = dLat / Math.cos(Math.toRadians(widestLat));
    return new BoundingBox(
        Math.max(-90, south - dLat),
        Math.max(-180, west - dLng),
        Math.min(90, north + dLat),
        Math.min(180, east + dLng));
  }

  /** The area on the sphere, square metres: R²·Δλ·(sin φn − sin φs). */
  public double areaM2() {
    return EARTH_RADIUS_METERS
        * EARTH_RADIUS_METERS
        * Math.toRadians(east - west)
        * (Math.sin(Math.toRadians(north)) - Math.sin(Math.toRadians(south)));
  }

  private static void latitude(String name, double value) {
    if (!Double.isFinite(value) || value < -90 || value > 90) {
      throw new InvalidQueryException(
          "bbox", "expected " + name + " latitude in [-90, 90], got " + value);
    }
  }

  private static void longitude(String name, double value) {
    if (!Double.isFinite(value) || value < -180 || value > 180) {
      throw new InvalidQueryException(
          "bbox", "expected " + name + " longitude in [-180, 180], got " + value);
    }
  }
}
