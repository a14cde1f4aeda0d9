/**
 * Vector tiles of coverage: XYZ tile math, the zoom → H3 resolution ladder and MVT encoding.
 *
 * <h2>Terms and conventions</h2>
 *
 * <ul>
 *   <li><b>XYZ tile</b> ({@link org.hexproof.coverage.tiles.TileCoordinate}): {@code n = 2^z};
 *       {@code x = ⌊(lng + 180)/360·n⌋}; {@code y = ⌊(1 − ln(tan φ + sec φ)/π)/2·n⌋}; origin
 *       top-left, y southward (coverage-rewards.md §4.3). Latitudes are clamped to ±85.0511°, where
 *       Web Mercator's square world ends. z = 0 is the whole world in one tile.
 *   <li><b>Projection</b>: spherical Web Mercator (EPSG:3857, R = 6,378,137 m); geometry is
 *       projected to metres, then the encoder maps the tile's envelope to 0..4096 with y down.
 *   <li><b>Ladder</b> ({@link org.hexproof.coverage.tiles.ZoomLadder}): z ≤ 6 points only; z7–8 res
 *       6; z9 res 7; z10–11 res 8; z12 res 9; z13 res 10; z14 res 11; z ≥ 15 res 12, capped at the
 *       data's resolution (LoRa res 9). Coarser rungs aggregate cells by parent, best level wins.
 *   <li><b>MVT</b> ({@link org.hexproof.coverage.tiles.CoverageTiles}): layers {@code coverage}
 *       (cell polygons; {@code cell, level, source, rssi}) and {@code hotspots} (points; {@code
 *       hotspot, cells}); extent 4096, buffer 64.
 * </ul>
 *
 * <p>Tiles scan the map's cells; the storage layer is expected to index cells by parent so a tile
 * reads only its own (latency target: cached tile p95 &lt; 100 ms, cold z ≥ 12 p95 &lt; 300 ms).
 */
package org.hexproof.coverage.tiles;
