package org.hexproof.benchmarks;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.coverage.geometry.CellPolygons;
import org.locationtech.jts.geom.Geometry;

/**
 * Part 4 of {@link CoverageBenchmarks}: merging a solid res-12 disk with {@link CellPolygons#union}
 * beside h3-java's {@code cellsToMultiPolygon}, and a prototype edge-cancelling merge.
 */
final class MergeBenchmark {
  private MergeBenchmark() {}

  static void run(CoverageBenchmarks bench) throws IOException {
    CoverageBenchmarks.header(
        "4. merging a solid res-12 disk: CellPolygons.union (CoverageUnion) vs cellsToMultiPolygon");
    H3Core h3 = H3Core.newInstance();
    List<H3Cell> disk = H3Cell.fromLatLng(CoverageCity.BERLIN, 12).disk(100);
    List<Long> indexes = new ArrayList<>(disk.size());
    for (H3Cell c : disk) {
      indexes.add(c.index());
    }
    // same answer first: one polygon without holes, same outer vertex count
    Geometry merged = CellPolygons.union(disk);
    List<List<List<com.uber.h3core.util.LatLng>>> h3Polys = h3.cellsToMultiPolygon(indexes, true);
    int jtsVertices = merged.getNumPoints();
    int h3Vertices = 0;
    for (List<List<com.uber.h3core.util.LatLng>> poly : h3Polys) {
      for (List<com.uber.h3core.util.LatLng> ring : poly) {
        h3Vertices += ring.size();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d cells; CoverageUnion: %s, %d geometries, valid %s, %d vertices; "
            + "cellsToMultiPolygon: %d polygons, %d rings, %d vertices (GeoJSON, closed)%n",
        disk.size(),
        merged.getGeometryType(),
        merged.getNumGeometries(),
        merged.isValid(),
        jtsVertices,
        h3Polys.size(),
        h3Polys.isEmpty() ? 0 : h3Polys.get(0).size(),
        h3Vertices);
    if (merged.getNumGeometries() != 1 || h3Polys.size() != 1 || jtsVertices != h3Vertices) {
      throw new IllegalStateException("the two merges disagree; not timing them");
    }
    int warm = bench.quick ? 2 : 4;
    int runs = bench.quick ? 4 : 12;
    long[] jts = new long[runs];
    long[] h3t = new long[runs];
    for (int i = 0; i < warm; i++) {
      CellPolygons.union(disk);
      h3.cellsToMultiPolygon(indexes, true);
    }
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      Geometry g = CellPolygons.union(disk);
      long t1 = System.nanoTime();
      List<?> p = h3.cellsToMultiPolygon(indexes, true);
      long t2 = System.nanoTime();
      jts[i] = t1 - t0;
      h3t[i] = t2 - t1;
      if (g.isEmpty() || p.isEmpty()) {
        throw new IllegalStateException("empty merge");
      }
    }
    Stats j = Stats.of(jts);
    Stats h = Stats.of(h3t);
    System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s%n", "", "min ms", "median ms", "max ms");
    System.out.printf(
        Locale.ROOT,
        "%-44s %10.1f %10.1f %10.1f%n",
        "CellPolygons.union (CoverageUnion)",
        j.min() / 1e6,
        j.p50() / 1e6,
        j.max() / 1e6);
    System.out.printf(
        Locale.ROOT,
        "%-44s %10.1f %10.1f %10.1f%n",
        "h3-java cellsToMultiPolygon",
        h.min() / 1e6,
        h.p50() / 1e6,
        h.max() / 1e6);
    // breakdown of the union: building polygons from boundaries vs the CoverageUnion itself
    long tb0 = System.nanoTime();
    var polys = CellPolygons.polygons(disk);
    long tb1 = System.nanoTime();
    org.locationtech.jts.coverage.CoverageUnion.union(polys.toArray(new Geometry[0]));
    long tb2 = System.nanoTime();
    double speedup = (double) h.p50() / j.p50();
    System.out.printf(
        Locale.ROOT,
        "ratio cellsToMultiPolygon / union (medians): %.2f× (union of one run: polygons from"
            + " boundaries %.1f ms, CoverageUnion %.1f ms)%n",
        speedup,
        (tb1 - tb0) / 1e6,
        (tb2 - tb1) / 1e6);
    // the proposed fix, as a prototype: cancel shared edges, chain what is left
    Geometry proto = edgeCancellingMerge(disk);
    boolean same =
        proto.getNumPoints() == jtsVertices
            && Math.abs(proto.getArea() - merged.getArea()) < 1e-9 * merged.getArea();
    long[] pt = new long[runs];
    for (int i = 0; i < warm; i++) {
      edgeCancellingMerge(disk);
    }
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      edgeCancellingMerge(disk);
      pt[i] = System.nanoTime() - t0;
    }
    Stats ps = Stats.of(pt);
    System.out.printf(
        Locale.ROOT,
        "prototype (not in coverage-map): cancel shared boundary edges and chain the rest: median"
            + " %.1f ms, same polygon as CoverageUnion %s (%d vertices), cellsToMultiPolygon /"
            + " prototype %.2f×%n",
        ps.p50() / 1e6,
        same,
        proto.getNumPoints(),
        (double) h.p50() / ps.p50());
    bench.verdict(
        "merge ≥ 4× faster than cellsToMultiPolygon",
        speedup >= 4,
        String.format(Locale.ROOT, "%.2f×", speedup));
  }

  /**
   * Merges edge-matched cells of one resolution by cancelling every edge that two cells share (it
   * appears once in each direction) and chaining the remaining directed edges into rings. A
   * prototype for a solid set: it assumes no vertex is shared by two boundary rings and returns the
   * first counter-clockwise ring as the shell and the others as holes.
   */
  static Geometry edgeCancellingMerge(List<H3Cell> cells) {
    java.util.Set<Edge> edges = new java.util.HashSet<>(cells.size() * 8);
    for (H3Cell cell : cells) {
      org.locationtech.jts.geom.Coordinate[] ring =
          CellPolygons.polygon(cell).getExteriorRing().getCoordinates();
      for (int i = 0; i + 1 < ring.length; i++) {
        if (!edges.remove(new Edge(ring[i + 1], ring[i]))) {
          edges.add(new Edge(ring[i], ring[i + 1]));
        }
      }
    }
    Map<org.locationtech.jts.geom.Coordinate, org.locationtech.jts.geom.Coordinate> next =
        new HashMap<>(edges.size() * 2);
    for (Edge e : edges) {
      next.put(e.from(), e.to());
    }
    org.locationtech.jts.geom.GeometryFactory gf = CellPolygons.FACTORY;
    org.locationtech.jts.geom.LinearRing shell = null;
    List<org.locationtech.jts.geom.LinearRing> holes = new ArrayList<>();
    while (!next.isEmpty()) {
      org.locationtech.jts.geom.Coordinate start = next.keySet().iterator().next();
      List<org.locationtech.jts.geom.Coordinate> ring = new ArrayList<>();
      org.locationtech.jts.geom.Coordinate at = start;
      do {
        ring.add(at);
        at = next.remove(at);
      } while (at != null && !at.equals2D(start));
      ring.add(start);
      org.locationtech.jts.geom.LinearRing lr =
          gf.createLinearRing(ring.toArray(new org.locationtech.jts.geom.Coordinate[0]));
      if (shell == null && !org.locationtech.jts.algorithm.Orientation.isCCW(lr.getCoordinates())) {
        holes.add(lr);
      } else if (shell == null) {
        shell = lr;
      } else {
        holes.add(lr);
      }
    }
    return gf.createPolygon(shell, holes.toArray(new org.locationtech.jts.geom.LinearRing[0]));
  }

  /** A directed edge between two exactly equal (x, y) vertices. */
  record Edge(org.locationtech.jts.geom.Coordinate from, org.locationtech.jts.geom.Coordinate to) {}
}
