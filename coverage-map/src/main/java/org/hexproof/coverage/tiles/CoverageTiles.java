package org.hexproof.coverage.tiles;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.hexproof.coverage.geometry.BoundingBox;
import org.hexproof.coverage.geometry.CellPolygons;
import org.hexproof.coverage.geometry.CellStats;
import org.hexproof.coverage.model.CellCoverage;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.model.HotspotCoverage;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Mapbox Vector Tiles (spec 2.1) of a coverage map. Clipping and projection use JTS; the protobuf
 * is written by {@link MvtLayer}, because the mapbox-vector-tile-java 25.1.0 jar needs Java 21.
 *
 * <ul>
 *   <li>Layer {@value #COVERAGE_LAYER}: one polygon per cell at the {@link ZoomLadder} resolution,
 *       properties {@code cell}, {@code level}, {@code source} and {@code rssi} (dBm, rounded to
 *       0.1; absent for a measured cell nobody heard). Empty at zooms that draw points only.
 *   <li>Layer {@value #HOTSPOTS_LAYER}: one point per counted hotspot, properties {@code hotspot}
 *       (base58 key) and {@code cells} (its predicted cell count).
 * </ul>
 *
 * <p>Extent {@value #EXTENT}, buffer {@value #BUFFER} units: geometry is clipped to the tile grown
 * by 64/4096 of its width on each side, so fills do not seam at tile edges.
 */
public final class CoverageTiles {
  /** Polygon layer name. */
  public static final String COVERAGE_LAYER = "coverage";

  /** Point layer name. */
  public static final String HOTSPOTS_LAYER = "hotspots";

  /** Tile extent in integer units per side. */
  public static final int EXTENT = 4096;

  /** Clip buffer in tile units beyond each edge. */
  public static final int BUFFER = 64;

  private static final GeometryFactory MERCATOR = new GeometryFactory();

  private CoverageTiles() {}

  /**
   * Encodes one tile.
   *
   * @param map the coverage map, not null
   * @param tile the tile, not null
   * @return the MVT bytes (protobuf), possibly with empty layers
   */
  public static byte[] encode(CoverageMap map, TileCoordinate tile) {
    Envelope tileEnvelope = tile.mercatorEnvelope();
    Envelope clip = new Envelope(tileEnvelope);
    clip.expandBy(tileEnvelope.getWidth() * BUFFER / EXTENT);
    double bufferMeters = tileEnvelope.getWidth() * BUFFER / EXTENT;
    Geometry clipBox = MERCATOR.toGeometry(clip);
    OptionalInt resolution = ZoomLadder.resolutionFor(tile.zoom(), map.resolution());

    MvtLayer cells = new MvtLayer(COVERAGE_LAYER, EXTENT);
    if (resolution.isPresent()) {
      // A cell can reach into the tile from a centre up to about two edge lengths outside it.
      BoundingBox candidates =
          tile.bounds()
              .expandedBy(bufferMeters + 2 * CellStats.averageEdgeMeters(resolution.getAsInt()));
      List<CellCoverage> inTile = new ArrayList<>();
      for (CellCoverage c : map.cellsAt(resolution.getAsInt())) {
        if (candidates.contains(c.cell().center())) {
          inTile.add(c);
        }
      }
      inTile.sort(Comparator.comparing(CellCoverage::cell));
      for (CellCoverage c : inTile) {
        Geometry clipped = project(CellPolygons.polygon(c.cell())).intersection(clipBox);
        if (!clipped.isEmpty()) {
          cells.add(toTile(clipped, tileEnvelope), cellProperties(c));
        }
      }
    }

    MvtLayer points = new MvtLayer(HOTSPOTS_LAYER, EXTENT);
    List<HotspotCoverage> hotspots = new ArrayList<>(map.hotspots());
    hotspots.sort(Comparator.comparing(h -> h.hotspot().key()));
    for (HotspotCoverage h : hotspots) {
      Coordinate at = WebMercator.project(h.hotspot().location());
      if (clip.contains(at)) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("hotspot", h.hotspot().key().toBase58());
        props.put("cells", (long) h.cells().size());
        points.add(toTile(MERCATOR.createPoint(at), tileEnvelope), props);
      }
    }
    ByteArrayOutputStream tileBytes = new ByteArrayOutputStream();
    MvtLayer.bytes(tileBytes, 3, cells.encode());
    MvtLayer.bytes(tileBytes, 3, points.encode());
    return tileBytes.toByteArray();
  }

  private static Map<String, Object> cellProperties(CellCoverage c) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("cell", c.cell().toString());
    props.put("level", c.level().name());
    props.put("source", c.source().name());
    if (c.rssiDbm().isPresent()) {
      props.put("rssi", Math.round(c.rssiDbm().getAsDouble() * 10) / 10.0);
    }
    return props;
  }

  /** Metres to tile units: x from the west edge, y down from the north edge, 0..extent. */
  private static Geometry toTile(Geometry mercator, Envelope tile) {
    Geometry g = mercator.copy();
    double scaleX = EXTENT / tile.getWidth();
    double scaleY = EXTENT / tile.getHeight();
    g.apply(
        (CoordinateFilter)
            c -> {
              c.x = (c.x - tile.getMinX()) * scaleX;
              c.y = (tile.getMaxY() - c.y) * scaleY;
            });
    g.geometryChanged();
    return g;
  }

  private static Polygon project(Polygon lngLat) {
    Coordinate[] ring = lngLat.getExteriorRing().getCoordinates();
    Coordinate[] projected = new Coordinate[ring.length];
    for (int i = 0; i < ring.length; i++) {
      projected[i] = WebMercator.project(ring[i].x, ring[i].y);
    }
    return MERCATOR.createPolygon(projected);
  }
}
