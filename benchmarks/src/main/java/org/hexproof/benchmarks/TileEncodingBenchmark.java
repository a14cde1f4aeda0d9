package org.hexproof.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hexproof.coverage.geometry.CellPolygons;
import org.hexproof.coverage.model.CellCoverage;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.tiles.CoverageTiles;
import org.hexproof.coverage.tiles.TileCoordinate;
import org.hexproof.coverage.tiles.ZoomLadder;
import org.locationtech.jts.geom.Geometry;

/**
 * Part 3a of {@link CoverageBenchmarks}: cold tiles in process, where a cold tile's time goes
 * ({@link CoverageTiles#encode} at z12–z14 and a step profile of one z12 tile).
 */
final class TileEncodingBenchmark {
  private TileEncodingBenchmark() {}

  static void run(CoverageBenchmarks bench, CoverageMap map, CoverageCity city) {
    CoverageBenchmarks.header("3a. cold tile in process: CoverageTiles.encode and its parts");
    List<TileCoordinate> tiles = city.tiles(12, 14, bench.quick ? 6 : 15);
    for (int i = 0; i < 3; i++) {
      for (TileCoordinate t : tiles) {
        CoverageTiles.encode(map, t);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-6s %6s %12s %14s %16s %12s%n",
        "zoom",
        "tiles",
        "encode ms",
        "cellsAt ms",
        "all centres ms",
        "bytes avg");
    for (int z = 12; z <= 14; z++) {
      int zoom = z;
      List<TileCoordinate> atZoom = tiles.stream().filter(t -> t.zoom() == zoom).toList();
      int res = ZoomLadder.resolutionFor(z, map.resolution()).getAsInt();
      long[] encode = new long[atZoom.size()];
      long[] cellsAt = new long[atZoom.size()];
      long[] centres = new long[atZoom.size()];
      long bytes = 0;
      long sink = 0;
      for (int i = 0; i < atZoom.size(); i++) {
        long t0 = System.nanoTime();
        bytes += CoverageTiles.encode(map, atZoom.get(i)).length;
        long t1 = System.nanoTime();
        List<CellCoverage> all = map.cellsAt(res);
        long t2 = System.nanoTime();
        for (CellCoverage c : all) {
          sink += Double.doubleToRawLongBits(c.cell().center().latDegrees());
        }
        long t3 = System.nanoTime();
        encode[i] = t1 - t0;
        cellsAt[i] = t2 - t1;
        centres[i] = t3 - t2;
      }
      System.out.printf(
          Locale.ROOT,
          "z%-5d %6d %12.1f %14.1f %16.1f %12d%s%n",
          z,
          atZoom.size(),
          Stats.of(encode).p50() / 1e6,
          Stats.of(cellsAt).p50() / 1e6,
          Stats.of(centres).p50() / 1e6,
          bytes / Math.max(1, atZoom.size()),
          (sink & 1) == 2 ? "" : "");
    }
    System.out.println(
        "(medians; 'cellsAt' = map.cellsAt(res) alone, 'all centres' = H3 centre of every cell it"
            + " returns: the candidate scan encode does for every tile, whatever the tile's size)");
    profileTile(bench, map, tiles.stream().filter(t -> t.zoom() == 12).toList());
  }

  /**
   * The steps of {@link CoverageTiles#encode} for the z12 tile with the most cells, redone here
   * with public pieces: candidate scan (centre of every map cell), cell polygons, projection plus
   * clip intersection, and how many cells lie wholly inside the clip box.
   */
  private static void profileTile(
      CoverageBenchmarks bench, CoverageMap map, List<TileCoordinate> z12) {
    TileCoordinate heaviest = null;
    int most = -1;
    for (TileCoordinate t : z12) {
      int n = CoverageTiles.encode(map, t).length;
      if (n > most) {
        most = n;
        heaviest = t;
      }
    }
    int res = ZoomLadder.resolutionFor(heaviest.zoom(), map.resolution()).getAsInt();
    org.locationtech.jts.geom.Envelope env = heaviest.mercatorEnvelope();
    org.locationtech.jts.geom.Envelope clip = new org.locationtech.jts.geom.Envelope(env);
    clip.expandBy(env.getWidth() * CoverageTiles.BUFFER / CoverageTiles.EXTENT);
    org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
    Geometry clipBox = gf.toGeometry(clip);
    var candidates =
        heaviest
            .bounds()
            .expandedBy(
                env.getWidth() * CoverageTiles.BUFFER / CoverageTiles.EXTENT
                    + 2 * org.hexproof.coverage.geometry.CellStats.averageEdgeMeters(res));
    int reps = bench.quick ? 3 : 10;
    long scan = Long.MAX_VALUE;
    long polys = Long.MAX_VALUE;
    long clipT = Long.MAX_VALUE;
    long enc = Long.MAX_VALUE;
    int inTileN = 0;
    int inside = 0;
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      List<CellCoverage> inTile = new ArrayList<>();
      for (CellCoverage c : map.cellsAt(res)) {
        if (candidates.contains(c.cell().center())) {
          inTile.add(c);
        }
      }
      long t1 = System.nanoTime();
      List<org.locationtech.jts.geom.Polygon> ps = new ArrayList<>();
      for (CellCoverage c : inTile) {
        ps.add(CellPolygons.polygon(c.cell()));
      }
      long t2 = System.nanoTime();
      int in = 0;
      for (org.locationtech.jts.geom.Polygon p : ps) {
        org.locationtech.jts.geom.Coordinate[] ring = p.getExteriorRing().getCoordinates();
        org.locationtech.jts.geom.Coordinate[] m =
            new org.locationtech.jts.geom.Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
          m[i] = mercator(ring[i].x, ring[i].y);
        }
        org.locationtech.jts.geom.Polygon projected = gf.createPolygon(m);
        if (clip.contains(projected.getEnvelopeInternal())) {
          in++;
        }
        projected.intersection(clipBox);
      }
      long t3 = System.nanoTime();
      CoverageTiles.encode(map, heaviest);
      long t4 = System.nanoTime();
      scan = Math.min(scan, t1 - t0);
      polys = Math.min(polys, t2 - t1);
      clipT = Math.min(clipT, t3 - t2);
      enc = Math.min(enc, t4 - t3);
      inTileN = inTile.size();
      inside = in;
    }
    System.out.printf(
        Locale.ROOT,
        "profile of the heaviest z12 tile %s (%d bytes, best of %d): encode %.1f ms; its steps:"
            + " candidate scan over all %d cells %.1f ms, %d cell polygons %.1f ms, projection +"
            + " clip intersection %.1f ms (%d of %d cells lie wholly inside the clip box), rest"
            + " (properties, tile transform, protobuf) %.1f ms%n",
        heaviest,
        most,
        reps,
        enc / 1e6,
        map.cells().size(),
        scan / 1e6,
        inTileN,
        polys / 1e6,
        clipT / 1e6,
        inside,
        inTileN,
        Math.max(0, enc - scan - polys - clipT) / 1e6);
  }

  /** Spherical Web Mercator (EPSG:3857) metres. */
  private static org.locationtech.jts.geom.Coordinate mercator(double lng, double lat) {
    double r = 6_378_137.0;
    return new org.locationtech.jts.geom.Coordinate(
        r * Math.toRadians(lng), r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)));
  }
}
