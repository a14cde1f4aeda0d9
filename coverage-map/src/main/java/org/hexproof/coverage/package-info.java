/**
 * The coverage model built from verified witnesses and field measurements: H3 cells with signal
 * levels, merged polygons, GeoJSON, vector tiles, point lookup, per-hotspot coverage and the web
 * map page.
 *
 * <ul>
 *   <li>{@link org.hexproof.coverage.model}: path-loss fits, sensitivity, signal levels, hotspot
 *       predictions bounded by evidence, the coverage map with measured overrides, lookups and
 *       summaries. Pure; no JTS.
 *   <li>{@link org.hexproof.coverage.geometry}: cells to JTS polygons, CoverageUnion, RFC 7946
 *       GeoJSON, bounding-box queries with an area limit.
 *   <li>{@link org.hexproof.coverage.tiles}: XYZ tile math, the zoom → resolution ladder and Mapbox
 *       Vector Tiles.
 * </ul>
 *
 * <p>The service wraps these pure packages without changing them: {@link
 * org.hexproof.coverage.feed} reads the oracle's verified-PoC feed, {@link
 * org.hexproof.coverage.store} keeps the model's inputs in PostgreSQL, {@link
 * org.hexproof.coverage.app} serves the API, tiles and the web map.
 */
package org.hexproof.coverage;
