/**
 * Micronaut wiring of the coverage service (environment {@code coverage}, {@code
 * application-coverage.yml}; every bean requires {@code hexproof.coverage.enabled = true}).
 *
 * <ul>
 *   <li>{@code CoverageFactory}: migrations of schema {@code coverage}, the store, the in-memory
 *       state rebuilt from storage before traffic, the feed consumer thread, the tile cache.
 *   <li>{@code CoverageState}: the model and hotspot registry behind a lock, published as immutable
 *       snapshots with a version (requests never lock).
 *   <li>Controllers: {@code GET /v1/coverage/point}, {@code /cells}, {@code /cells/{cell}}, {@code
 *       /summary}, {@code /ladder}, {@code /hotspots}, {@code /hotspots/{key}}, {@code
 *       /hotspots/{key}/polygons}, {@code POST /v1/coverage/measurements}, {@code GET
 *       /tiles/{z}/{x}/{y}.mvt}; malformed input is 400 problem JSON.
 *   <li>The web map is static ({@code public/}), Leaflet from its WebJar.
 * </ul>
 */
package org.hexproof.coverage.app;
