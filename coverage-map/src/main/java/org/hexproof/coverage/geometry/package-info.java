/**
 * Coverage as geometry: H3 cells to JTS polygons, merged polygons, GeoJSON and bounding-box
 * queries.
 *
 * <h2>Terms and conventions</h2>
 *
 * <ul>
 *   <li><b>Coordinates</b>: JTS {@code Coordinate(x = longitude, y = latitude)} in degrees, WGS84
 *       (SRID 4326), built by hand from {@code H3Cell.boundary()} (h3 returns lat/lng order). Rings
 *       are closed (first vertex repeated) and exterior rings counter-clockwise.
 *   <li><b>One resolution</b>: polygonizing needs distinct cells of one resolution; duplicates are
 *       dropped and mixed resolutions rejected (h3 ≤ 4.4 gives undefined output for them, and
 *       CoverageUnion assumes an edge-matched coverage). Aggregate to a parent resolution first
 *       ({@code CoverageMap.cellsAt}).
 *   <li><b>Merging</b>: {@code org.locationtech.jts.coverage.CoverageUnion}, valid because H3 cells
 *       of one resolution are edge-matched, and 2.5–24× faster than {@code UnaryUnionOp}
 *       (coverage-rewards.md §3.4).
 *   <li><b>GeoJSON</b>: RFC 7946 FeatureCollections, no {@code crs} member, CCW exterior rings, 7
 *       decimals; per-feature properties {@code cell, level, source, rssi} (see {@link
 *       org.hexproof.coverage.geometry.CoverageGeoJson}).
 *   <li><b>Bounding box</b>: south, west, north, east in degrees; latitude in [-90, 90], longitude
 *       in [-180, 180], south &lt; north, west &lt; east (no antimeridian crossing). A query may
 *       span at most 50,000 cells of the requested resolution by default (box area / average cell
 *       area), so no request can ask for millions of cells. Violations raise {@link
 *       org.hexproof.coverage.geometry.InvalidQueryException} saying what was expected (→ HTTP
 *       400).
 *   <li><b>Antimeridian</b>: a cell straddling ±180° is drawn with longitudes beyond 180 so its
 *       ring stays simple; clients that need strict RFC 7946 output must split it.
 * </ul>
 */
package org.hexproof.coverage.geometry;
