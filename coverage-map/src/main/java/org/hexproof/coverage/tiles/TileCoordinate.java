package org.hexproof.coverage.tiles;

import org.hexproof.core.geo.LatLng;
import org.hexproof.coverage.geometry.BoundingBox;
import org.hexproof.coverage.geometry.InvalidQueryException;
import org.locationtech.jts.geom.Envelope;

/**
 * An XYZ ("slippy map") tile: {@code n = 2^z} tiles per axis, origin at the top-left (north-west),
 * y growing southward. TMS numbering (y flipped) is not used.
 *
 * @param zoom 0..{@link #MAX_ZOOM}
 * @param x column, 0..2^zoom − 1
 * @param y row, 0..2^zoom − 1
 */
public record TileCoordinate(int zoom, int x, int y) {
  /** Deepest zoom served; a res-12 cell is about one pixel at z14, so z22 is plenty. */
  public static final int MAX_ZOOM = 22;

  /** Web Mercator's latitude limit, degrees: the latitude where the square world ends. */
  public static final double MAX_LATITUDE = 85.05112877980659;

  /**
   * Validates the address.
   *
   * @throws InvalidQueryException naming the expected range
   */
  public TileCoordinate {
    if (zoom < 0 || zoom > MAX_ZOOM) {
      throw new InvalidQueryException(
          "tile", "expected zoom in [0, " + MAX_ZOOM + "], got " + zoom);
    }
    int n = 1 << zoom;
    if (x < 0 || x >= n || y < 0 || y >= n) {
      throw new InvalidQueryException(
          "tile",
          "expected x and y in [0, " + (n - 1) + "] at zoom " + zoom + ", got x=" + x + ", y=" + y);
    }
  }

  /**
   * The tile containing a point: {@code x = ⌊(lng + 180)/360 · n⌋}, {@code y = ⌊(1 − ln(tan φ + sec
   * φ)/π)/2 · n⌋} with φ clamped to ±{@link #MAX_LATITUDE}.
   *
   * @param point the point, not null
   * @param zoom 0..{@link #MAX_ZOOM}
   * @return the tile
   */
  public static TileCoordinate containing(LatLng point, int zoom) {
    int n = 1 << zoom;
    double lat = Math.toRadians(clampLatitude(point.latDegrees()));
    double fx = (point.lngDegrees() + 180.0) / 360.0 * n;
    double fy = (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n;
    return new TileCoordinate(
        zoom, Math.min(n - 1, (int) Math.floor(fx)), Math.min(n - 1, (int) Math.floor(fy)));
  }

  /** The tile's bounds in degrees; latitudes are within ±{@link #MAX_LATITUDE}. */
  public BoundingBox bounds() {
    int n = 1 << zoom;
    return new BoundingBox(
        latitudeOfRow(y + 1, n),
        x * 360.0 / n - 180.0,
        latitudeOfRow(y, n),
        (x + 1) * 360.0 / n - 180.0);
  }

  /** The tile's bounds in Web Mercator metres (EPSG:3857). */
  public Envelope mercatorEnvelope() {
    double size = 2 * WebMercator.HALF_WORLD_METERS / (1 << zoom);
    double minX = -WebMercator.HALF_WORLD_METERS + x * size;
    double maxY = WebMercator.HALF_WORLD_METERS - y * size;
    return new Envelope(minX, minX + size, maxY - size, maxY);
  }

  @Override
  public String toString() {
    return zoom + "/" + x + "/" + y;
  }

  static double clampLatitude(double latDegrees) {
    return Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latDegrees));
  }

  /** Inverse of the y formula: the latitude of the top edge of row {@code row}. */
  private static double latitudeOfRow(int row, int n) {
    return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2.0 * row / n))));
  }
}
