package org.hexproof.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.uber.h3core.H3Core;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.coverage.geometry.CellPolygons;
import org.hexproof.coverage.model.BeaconRadio;
import org.hexproof.coverage.model.CellCoverage;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.model.CoverageModel;
import org.hexproof.coverage.model.CoverageSettings;
import org.hexproof.coverage.model.HotspotProfile;
import org.hexproof.coverage.model.PointCoverage;
import org.hexproof.coverage.model.WitnessSample;
import org.hexproof.coverage.tiles.CoverageTiles;
import org.hexproof.coverage.tiles.TileCoordinate;
import org.hexproof.coverage.tiles.ZoomLadder;
import org.locationtech.jts.geom.Geometry;

/**
 * coverage-map's hot paths, each beside the limit that bounds it, measured in the same run:
 *
 * <ol>
 *   <li>point lookups in process ({@link CoverageMap#lookup}) beside the bare {@link
 *       H3Cell#fromLatLng} at the map's resolution, p50/p99 per call;
 *   <li>point lookups over HTTP ({@code GET /v1/coverage/point}) against the running service on
 *       embedded PostgreSQL with concurrent keep-alive clients, beside {@value #FLOOR} driven the
 *       same way ({@code /health} is printed too, but is no floor);
 *   <li>vector tiles at z12–z14 over HTTP, cold (first request per map version) beside in-process
 *       encoding of the same tiles, and cached beside {@value #FLOOR} from the same sequential
 *       client; plus an in-process step profile of one cold tile;
 *   <li>merging a solid res-12 disk of 30,301 cells with {@link CellPolygons#union} (JTS
 *       CoverageUnion) beside h3-java's {@code cellsToMultiPolygon} on the same cells, and a
 *       prototype edge-cancelling merge (a proposed fix, not in coverage-map).
 * </ol>
 *
 * <p>A plain main class rather than JMH: the figures are per-operation percentiles, and the HTTP
 * parts need one long-lived service with data, which JMH's forked iterations do not fit. Every
 * timed loop is preceded by a warm-up of the same loop. The data: {@value #HOTSPOTS} SF9 LoRa
 * hotspots spread uniformly over a disk of radius {@value #CITY_RADIUS_M} m around Berlin's centre,
 * each beaconing once, heard by its nearest neighbours within {@value #MAX_WITNESS_M} m on RSSI =
 * −100 − 30·log10(d / 1 km) + N(0, 4 dB) (seeded), so every hotspot gets a least-squares model.
 *
 * <p>Options: {@code --quick} (shorter runs); {@code -Dbench.cov.seconds} (HTTP run length, default
 * 10), {@code -Dbench.cov.clients} (comma list of concurrent connections, default 4,16).
 */
public final class CoverageBenchmarks {
  static final int HOTSPOTS = 500;
  static final double CITY_RADIUS_M = 12_000;
  static final double MAX_WITNESS_M = 6_000;
  static final int MAX_WITNESSES = 8;
  static final LatLng BERLIN = new LatLng(52.5200, 13.4050);
  static final String DATARATE = "SF9BW125";
  static final double EARTH_RADIUS_M = 6_371_008.8;
  static final long SEED = 0x636f7662656e6368L; // "covbench"

  /**
   * The floor endpoint: the zoom ladder, a constant 23-entry JSON answer through the same router,
   * serde and controller class as the point lookup. {@code /health} is no floor: it runs the health
   * indicators and measured slower than the lookups themselves.
   */
  static final String FLOOR = "/v1/coverage/ladder";

  private final boolean quick;
  private final StringBuilder verdicts = new StringBuilder();

  private CoverageBenchmarks(boolean quick) {
    this.quick = quick;
  }

  /**
   * Runs every part and prints the report.
   *
   * @param args {@code --quick} for shorter runs
   * @throws Exception on any failure; the run stops
   */
  public static void main(String[] args) throws Exception {
    boolean quick = Arrays.asList(args).contains("--quick") || Boolean.getBoolean("bench.quick");
    new CoverageBenchmarks(quick).run();
    System.exit(0);
  }

  private void run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "coverage-map benchmarks, %s; %d processors, %s %s, %s%n",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        quick ? "quick" : "full");
    City city = City.generate();
    Instant now = Instant.now();
    CoverageMap map = city.model(now);
    System.out.printf(
        Locale.ROOT,
        "data: %d hotspots, %d witness samples, map res %d, %d cells, %d hotspots counted%n%n",
        city.hotspots.size(),
        city.witnessCount(),
        map.resolution(),
        map.cells().size(),
        map.hotspots().size());

    inProcessLookups(map, city);
    mergeBenchmark();
    tilesInProcess(map, city);
    try (Service service = Service.start(city, now)) {
      httpLookups(service, map, city);
      httpTiles(service, map, city);
    }
    System.out.println();
    System.out.println("targets (2 cores)");
    System.out.print(verdicts);
    System.out.printf(Locale.ROOT, "load average at end: %s%n", LoadAverage.oneMinute());
  }

  // ---------------------------------------------------------------------------------------------
  // 1. in-process lookups

  private void inProcessLookups(CoverageMap map, City city) {
    header("1. point lookup in process (one thread)");
    LatLng[] points = city.randomPoints(4096, 1);
    int res = map.resolution();
    long covered = 0;
    for (LatLng p : points) {
      covered += map.lookup(p).covered() ? 1 : 0;
    }
    int rounds = quick ? 3 : 10;
    int perRound = 200_000;
    long[] lookup = new long[rounds * perRound];
    long[] floor = new long[rounds * perRound];
    long[] clock = new long[rounds * perRound];
    long sink = 0;
    // warm-up: the same loops, untimed
    for (int w = 0; w < (quick ? 2 : 5); w++) {
      for (int i = 0; i < perRound; i++) {
        sink += map.lookup(points[i & 4095]).cell().index();
        sink += H3Cell.fromLatLng(points[i & 4095], res).index();
      }
    }
    // rounds alternate the three loops so a change in the machine hits all of them
    for (int r = 0; r < rounds; r++) {
      int base = r * perRound;
      for (int i = 0; i < perRound; i++) {
        long t0 = System.nanoTime();
        long t1 = System.nanoTime();
        clock[base + i] = t1 - t0;
      }
      for (int i = 0; i < perRound; i++) {
        LatLng p = points[(base + i) & 4095];
        long t0 = System.nanoTime();
        PointCoverage c = map.lookup(p);
        long t1 = System.nanoTime();
        sink += c.cell().index();
        lookup[base + i] = t1 - t0;
      }
      for (int i = 0; i < perRound; i++) {
        LatLng p = points[(base + i) & 4095];
        long t0 = System.nanoTime();
        H3Cell c = H3Cell.fromLatLng(p, res);
        long t1 = System.nanoTime();
        sink += c.index();
        floor[base + i] = t1 - t0;
      }
    }
    Stats l = Stats.of(lookup);
    Stats f = Stats.of(floor);
    Stats c = Stats.of(clock);
    System.out.printf(
        Locale.ROOT,
        "%d points in the data's bounding box, %.0f %% of them covered; %d × %d timed calls each%n",
        points.length,
        100.0 * covered / points.length,
        rounds,
        perRound);
    System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s%n", "", "p50 µs", "p99 µs", "p99.9 µs");
    row("CoverageMap.lookup (res " + res + ")", l);
    row("floor: H3Cell.fromLatLng (res " + res + ")", f);
    row("timer: two System.nanoTime() calls", c);
    System.out.printf(
        Locale.ROOT,
        "ratio lookup / fromLatLng: p50 %.2f, p99 %.2f   (sink %d)%n",
        (double) l.p50 / f.p50,
        (double) l.p99 / f.p99,
        sink & 1);
    verdict(
        "in-process lookup p99 < 1 ms",
        l.p99 < 1_000_000,
        String.format(Locale.ROOT, "p99 %.2f µs", l.p99 / 1e3));
  }

  // ---------------------------------------------------------------------------------------------
  // 4. merge

  private void mergeBenchmark() throws IOException {
    header(
        "4. merging a solid res-12 disk: CellPolygons.union (CoverageUnion) vs cellsToMultiPolygon");
    H3Core h3 = H3Core.newInstance();
    List<H3Cell> disk = H3Cell.fromLatLng(BERLIN, 12).disk(100);
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
    int warm = quick ? 2 : 4;
    int runs = quick ? 4 : 12;
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
        j.min / 1e6,
        j.p50 / 1e6,
        j.max / 1e6);
    System.out.printf(
        Locale.ROOT,
        "%-44s %10.1f %10.1f %10.1f%n",
        "h3-java cellsToMultiPolygon",
        h.min / 1e6,
        h.p50 / 1e6,
        h.max / 1e6);
    // breakdown of the union: building polygons from boundaries vs the CoverageUnion itself
    long tb0 = System.nanoTime();
    var polys = CellPolygons.polygons(disk);
    long tb1 = System.nanoTime();
    org.locationtech.jts.coverage.CoverageUnion.union(polys.toArray(new Geometry[0]));
    long tb2 = System.nanoTime();
    double speedup = (double) h.p50 / j.p50;
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
        ps.p50 / 1e6,
        same,
        proto.getNumPoints(),
        (double) h.p50 / ps.p50);
    verdict(
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

  // ---------------------------------------------------------------------------------------------
  // 3a. tiles in process: where a cold tile's time goes

  private void tilesInProcess(CoverageMap map, City city) {
    header("3a. cold tile in process: CoverageTiles.encode and its parts");
    List<TileCoordinate> tiles = city.tiles(12, 14, quick ? 6 : 15);
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
          Stats.of(encode).p50 / 1e6,
          Stats.of(cellsAt).p50 / 1e6,
          Stats.of(centres).p50 / 1e6,
          bytes / Math.max(1, atZoom.size()),
          (sink & 1) == 2 ? "" : "");
    }
    System.out.println(
        "(medians; 'cellsAt' = map.cellsAt(res) alone, 'all centres' = H3 centre of every cell it"
            + " returns: the candidate scan encode does for every tile, whatever the tile's size)");
    profileTile(map, tiles.stream().filter(t -> t.zoom() == 12).toList());
  }

  /**
   * The steps of {@link CoverageTiles#encode} for the z12 tile with the most cells, redone here
   * with public pieces: candidate scan (centre of every map cell), cell polygons, projection plus
   * clip intersection, and how many cells lie wholly inside the clip box.
   */
  private void profileTile(CoverageMap map, List<TileCoordinate> z12) {
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
    int reps = quick ? 3 : 10;
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

  // ---------------------------------------------------------------------------------------------
  // 2. HTTP lookups

  private void httpLookups(Service service, CoverageMap map, City city) throws Exception {
    header(
        "2. point lookup over HTTP (keep-alive HTTP/1.1, closed loop, one connection per client)");
    LatLng[] points = city.randomPoints(4096, 2);
    String[] paths = new String[points.length];
    for (int i = 0; i < points.length; i++) {
      paths[i] =
          String.format(
              Locale.ROOT,
              "/v1/coverage/point?lat=%.6f&lng=%.6f",
              points[i].latDegrees(),
              points[i].lngDegrees());
    }
    // the service's answers match the in-process map built from the same data
    int agree = 0;
    try (Client c = new Client(service.port)) {
      for (int i = 0; i < 200; i++) {
        String body = c.getString(paths[i]);
        boolean httpCovered = body.contains("\"covered\":true");
        boolean local =
            map.lookup(
                    new LatLng(
                        Double.parseDouble(
                            String.format(Locale.ROOT, "%.6f", points[i].latDegrees())),
                        Double.parseDouble(
                            String.format(Locale.ROOT, "%.6f", points[i].lngDegrees()))))
                .covered();
        agree += httpCovered == local ? 1 : 0;
      }
      System.out.printf(
          Locale.ROOT,
          "check: %d/200 HTTP answers agree with the in-process map on 'covered'%n",
          agree);
      System.out.println("/health answers: " + c.getString("/health"));
    }
    if (agree < 200) {
      throw new IllegalStateException("the service's map differs from the in-process one");
    }
    int seconds = Integer.getInteger("bench.cov.seconds", quick ? 3 : 10);
    int warmup = quick ? 2 : 4;
    String clientList = System.getProperty("bench.cov.clients", "4,16");
    System.out.printf(
        Locale.ROOT,
        "%ds warm-up + %ds measured per run; per client count: ladder, point, health%n",
        warmup,
        seconds);
    System.out.printf(
        Locale.ROOT,
        "%-30s %8s %12s %10s %10s %8s %8s%n",
        "",
        "clients",
        "requests/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "load");
    double bestPoint = 0;
    for (String n : clientList.split(",")) {
      int clients = Integer.parseInt(n.trim());
      Load health = Load.run(service.port, new String[] {FLOOR}, clients, warmup, seconds);
      printLoad("floor: GET " + FLOOR, clients, health);
      Load point = Load.run(service.port, paths, clients, warmup, seconds);
      printLoad("GET /v1/coverage/point", clients, point);
      Load mgmt = Load.run(service.port, new String[] {"/health"}, clients, warmup, seconds);
      printLoad("(not a floor) GET /health", clients, mgmt);
      System.out.printf(
          Locale.ROOT,
          "  ratio point / ladder: throughput %.2f, p50 %.2f, p99 %.2f%n",
          point.perSecond() / health.perSecond(),
          point.latency.p50 / (double) health.latency.p50,
          point.latency.p99 / (double) health.latency.p99);
      bestPoint = Math.max(bestPoint, point.perSecond());
    }
    verdict(
        "≥ 5,000 HTTP lookups/s",
        bestPoint >= 5000,
        String.format(Locale.ROOT, "best %,.0f/s", bestPoint));
  }

  private static void printLoad(String name, int clients, Load l) {
    System.out.printf(
        Locale.ROOT,
        "%-30s %8d %,12.0f %10.3f %10.3f %8d %8s%n",
        name,
        clients,
        l.perSecond(),
        l.latency.p50 / 1e6,
        l.latency.p99 / 1e6,
        l.errors,
        l.loadAverage);
  }

  // ---------------------------------------------------------------------------------------------
  // 3b. tiles over HTTP

  private void httpTiles(Service service, CoverageMap map, City city) throws Exception {
    header("3b. vector tiles over HTTP (one sequential keep-alive client)");
    List<TileCoordinate> tiles = city.tiles(12, 14, quick ? 10 : 30);
    try (Client c = new Client(service.port)) {
      // warm the code paths on tiles outside the measured set (z15 over the centre)
      for (TileCoordinate t : city.tiles(15, 15, quick ? 10 : 30)) {
        c.get(tilePath(t));
      }
      for (int i = 0; i < 500; i++) {
        c.get(FLOOR);
      }
      String version0 =
          c.header(tilePath(TileCoordinate.containing(BERLIN, 11)), "x-coverage-version");
      long[] cold = new long[tiles.size()];
      for (int i = 0; i < tiles.size(); i++) {
        long t0 = System.nanoTime();
        c.expectOk(tilePath(tiles.get(i)));
        cold[i] = System.nanoTime() - t0;
      }
      int repeats = quick ? 5 : 20;
      long[] cached = new long[tiles.size() * repeats];
      long[] health = new long[tiles.size() * repeats];
      for (int r = 0; r < repeats; r++) {
        for (int i = 0; i < tiles.size(); i++) {
          long t0 = System.nanoTime();
          c.expectOk(tilePath(tiles.get(i)));
          long t1 = System.nanoTime();
          c.expectOk(FLOOR);
          long t2 = System.nanoTime();
          cached[r * tiles.size() + i] = t1 - t0;
          health[r * tiles.size() + i] = t2 - t1;
        }
      }
      // the same tiles encoded in this process right after: the limit a cold request can reach
      long[] local = new long[tiles.size()];
      for (int i = 0; i < tiles.size(); i++) {
        long t0 = System.nanoTime();
        CoverageTiles.encode(map, tiles.get(i));
        local[i] = System.nanoTime() - t0;
      }
      String version1 =
          c.header(tilePath(TileCoordinate.containing(BERLIN, 11)), "x-coverage-version");
      Stats sc = Stats.of(cold);
      Stats sk = Stats.of(cached);
      Stats sh = Stats.of(health);
      System.out.printf(
          Locale.ROOT,
          "%d tiles at z12–z14 over the data (%s), %s%n",
          tiles.size(),
          countByZoom(tiles),
          version0.equals(version1) ? "map version unchanged during the run" : "MAP CHANGED");
      System.out.printf(
          Locale.ROOT,
          "%-36s %8s %10s %10s %10s %10s%n",
          "",
          "n",
          "p50 ms",
          "p95 ms",
          "max ms",
          "load");
      String load = LoadAverage.oneMinute();
      tileRow("cold tile (first request)", sc, load);
      Stats sl = Stats.of(local);
      tileRow("floor (cold): encode in process", sl, load);
      tileRow("cached tile", sk, load);
      tileRow("floor: GET " + FLOOR + ", same client", sh, load);
      System.out.printf(
          Locale.ROOT,
          "ratio p95: cached / ladder %.2f, cold / ladder %.1f, cold / cached %.1f%n",
          sk.p95 / (double) sh.p95,
          sc.p95 / (double) sh.p95,
          sc.p95 / (double) sk.p95);
      System.out.printf(
          Locale.ROOT,
          "ratio cold over HTTP / encode in process: p50 %.2f, p95 %.2f%n",
          sc.p50 / (double) sl.p50,
          sc.p95 / (double) sl.p95);
      for (int z = 12; z <= 14; z++) {
        int zoom = z;
        long[] atZoom = new long[(int) tiles.stream().filter(t -> t.zoom() == zoom).count()];
        long[] localAtZoom = new long[atZoom.length];
        int k = 0;
        for (int i = 0; i < tiles.size(); i++) {
          if (tiles.get(i).zoom() == z) {
            localAtZoom[k] = local[i];
            atZoom[k++] = cold[i];
          }
        }
        Stats s = Stats.of(atZoom);
        Stats l = Stats.of(localAtZoom);
        System.out.printf(
            Locale.ROOT,
            "  cold z%d: n %d, p50 %.1f ms, p95 %.1f ms; in process p50 %.1f ms, p95 %.1f ms%n",
            z,
            atZoom.length,
            s.p50 / 1e6,
            s.p95 / 1e6,
            l.p50 / 1e6,
            l.p95 / 1e6);
      }
      verdict(
          "cached tile p95 < 20 ms",
          sk.p95 < 20_000_000,
          String.format(Locale.ROOT, "p95 %.2f ms", sk.p95 / 1e6));
      verdict(
          "cold tile (z ≥ 12) p95 < 150 ms",
          sc.p95 < 150_000_000,
          String.format(Locale.ROOT, "p95 %.1f ms", sc.p95 / 1e6));
    }
  }

  private static String countByZoom(List<TileCoordinate> tiles) {
    Map<Integer, Integer> n = new java.util.TreeMap<>();
    for (TileCoordinate t : tiles) {
      n.merge(t.zoom(), 1, Integer::sum);
    }
    return n.toString();
  }

  private static void tileRow(String name, Stats s, String load) {
    System.out.printf(
        Locale.ROOT,
        "%-36s %8d %10.2f %10.2f %10.2f %10s%n",
        name,
        s.n,
        s.p50 / 1e6,
        s.p95 / 1e6,
        s.max / 1e6,
        load);
  }

  private static String tilePath(TileCoordinate t) {
    return "/tiles/" + t.zoom() + "/" + t.x() + "/" + t.y() + ".mvt";
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private void verdict(String target, boolean met, String figure) {
    verdicts.append(
        String.format(Locale.ROOT, "  %-44s %-8s %s%n", target, met ? "MET" : "MISSED", figure));
  }

  private static void header(String title) {
    System.out.println();
    System.out.println("== " + title + "   [load average " + LoadAverage.oneMinute() + "]");
  }

  private static void row(String name, Stats s) {
    System.out.printf(
        Locale.ROOT, "%-44s %10.3f %10.3f %10.3f%n", name, s.p50 / 1e3, s.p99 / 1e3, s.p999 / 1e3);
  }

  /** Percentiles of nanosecond samples. */
  record Stats(int n, long min, long p50, long p95, long p99, long p999, long max) {
    static Stats of(long[] samples) {
      if (samples.length == 0) {
        throw new IllegalArgumentException("expected at least one sample, got none");
      }
      long[] s = samples.clone();
      Arrays.sort(s);
      return new Stats(
          s.length, s[0], at(s, 0.50), at(s, 0.95), at(s, 0.99), at(s, 0.999), s[s.length - 1]);
    }

    private static long at(long[] sorted, double q) {
      int i = (int) Math.ceil(q * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
  }

  /** The generated city: hotspots and, per hotspot, one beacon with its witnesses. */
  static final class City {
    final List<LatLng> hotspots = new ArrayList<>();
    final List<PublicKey> keys = new ArrayList<>();
    final List<List<Heard>> witnesses = new ArrayList<>();
    double south = 90;
    double north = -90;
    double west = 180;
    double east = -180;

    record Heard(int witness, double meters, double rssiDbm) {}

    static City generate() {
      City city = new City();
      SplittableRandom random = new SplittableRandom(SEED);
      for (int i = 0; i < HOTSPOTS; i++) {
        double r = CITY_RADIUS_M * Math.sqrt(random.nextDouble());
        double a = random.nextDouble(2 * Math.PI);
        LatLng raw = offset(BERLIN, r * Math.cos(a), r * Math.sin(a));
        // the feed carries res-12 cells; both maps use the cell centre as the location
        LatLng at = H3Cell.fromLatLng(raw, 12).center();
        city.hotspots.add(at);
        byte[] seed = new byte[Ed25519KeyPair.SEED_LENGTH];
        random.nextBytes(seed);
        city.keys.add(Ed25519KeyPair.fromSeed(Network.TESTNET, seed).publicKey());
        city.south = Math.min(city.south, at.latDegrees());
        city.north = Math.max(city.north, at.latDegrees());
        city.west = Math.min(city.west, at.lngDegrees());
        city.east = Math.max(city.east, at.lngDegrees());
      }
      for (int i = 0; i < HOTSPOTS; i++) {
        List<Heard> heard = new ArrayList<>();
        List<double[]> near = new ArrayList<>();
        for (int j = 0; j < HOTSPOTS; j++) {
          if (j != i) {
            double d = distance(city.hotspots.get(i), city.hotspots.get(j));
            if (d > 50 && d <= MAX_WITNESS_M) {
              near.add(new double[] {d, j});
            }
          }
        }
        near.sort((x, y) -> Double.compare(x[0], y[0]));
        for (int k = 0; k < Math.min(MAX_WITNESSES, near.size()); k++) {
          double d = near.get(k)[0];
          double rssi = -100 - 30 * Math.log10(d / 1000) + 4 * gaussian(random);
          heard.add(new Heard((int) near.get(k)[1], d, Math.max(-135, Math.min(-40, rssi))));
        }
        city.witnesses.add(heard);
      }
      return city;
    }

    int witnessCount() {
      return witnesses.stream().mapToInt(List::size).sum();
    }

    CoverageMap model(Instant now) {
      CoverageModel model = new CoverageModel(RadioTechnology.LORA, CoverageSettings.DEFAULT);
      BeaconRadio radio = new BeaconRadio.Lora(LoraDataRate.parse(DATARATE));
      for (int i = 0; i < HOTSPOTS; i++) {
        model.registerHotspot(new HotspotProfile(keys.get(i), hotspots.get(i), radio));
      }
      for (int i = 0; i < HOTSPOTS; i++) {
        Instant at = beaconTime(now, i);
        model.recordValidPoc(keys.get(i), at);
        for (Heard h : witnesses.get(i)) {
          model.recordWitness(
              new WitnessSample(
                  keys.get(i),
                  hotspots.get(h.witness()),
                  Math.round(h.meters()),
                  Math.round(h.rssiDbm() * 10) / 10.0,
                  3.5,
                  867_900_032L,
                  at.plusMillis(500)));
          model.recordValidPoc(keys.get(h.witness()), at.plusMillis(500));
        }
      }
      return model.snapshot(now);
    }

    static Instant beaconTime(Instant now, int i) {
      return now.minusSeconds(7200).plusSeconds(i);
    }

    /** Points uniform over the hotspots' bounding box grown by 2 km. */
    LatLng[] randomPoints(int n, long salt) {
      SplittableRandom random = new SplittableRandom(SEED ^ salt);
      double dLat = Math.toDegrees(2000 / EARTH_RADIUS_M);
      double dLng = dLat / Math.cos(Math.toRadians(BERLIN.latDegrees()));
      LatLng[] out = new LatLng[n];
      for (int i = 0; i < n; i++) {
        out[i] =
            new LatLng(
                random.nextDouble(south - dLat, north + dLat),
                random.nextDouble(west - dLng, east + dLng));
      }
      return out;
    }

    /** Up to {@code perZoom} tiles per zoom whose area holds hotspots, in a seeded order. */
    List<TileCoordinate> tiles(int fromZoom, int toZoom, int perZoom) {
      List<TileCoordinate> out = new ArrayList<>();
      for (int z = fromZoom; z <= toZoom; z++) {
        java.util.LinkedHashSet<TileCoordinate> set = new java.util.LinkedHashSet<>();
        for (LatLng h : hotspots) {
          set.add(TileCoordinate.containing(h, z));
        }
        List<TileCoordinate> list = new ArrayList<>(set);
        java.util.Collections.shuffle(list, new java.util.Random(SEED + z));
        out.addAll(list.subList(0, Math.min(perZoom, list.size())));
      }
      return out;
    }

    static LatLng offset(LatLng origin, double northM, double eastM) {
      double lat = origin.latDegrees() + Math.toDegrees(northM / EARTH_RADIUS_M);
      double lng =
          origin.lngDegrees()
              + Math.toDegrees(
                  eastM / (EARTH_RADIUS_M * Math.cos(Math.toRadians(origin.latDegrees()))));
      return new LatLng(lat, lng);
    }

    static double distance(LatLng a, LatLng b) {
      double p1 = Math.toRadians(a.latDegrees());
      double p2 = Math.toRadians(b.latDegrees());
      double dp = p2 - p1;
      double dl = Math.toRadians(b.lngDegrees() - a.lngDegrees());
      double h =
          Math.sin(dp / 2) * Math.sin(dp / 2)
              + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
      return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
    }

    static double gaussian(SplittableRandom r) {
      double u = 1 - r.nextDouble();
      double v = r.nextDouble();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The feed entries, in the contract's format (docs/verified-poc-feed.md). */
    List<String> feedEntries(Instant now) {
      List<String> out = new ArrayList<>();
      PublicKey owner = keys.get(0);
      for (int i = 0; i < HOTSPOTS; i++) {
        Instant at = beaconTime(now, i);
        StringBuilder ws = new StringBuilder();
        int j = 0;
        for (Heard h : witnesses.get(i)) {
          if (j++ > 0) {
            ws.append(',');
          }
          ws.append(
              String.format(
                  Locale.ROOT,
                  "{\"report_id\":\"w%d-%d\",\"hotspot\":\"%s\",\"owner\":\"%s\",\"location\":\"%s\","
                      + "\"received_at\":\"%s\",\"signal_ddbm\":%d,\"snr_ddb\":35,"
                      + "\"frequency_hz\":867900032,\"distance_m\":%d,\"verdict\":\"valid\","
                      + "\"reason\":null,\"selected\":true,\"reward_unit\":\"0.5000\"}",
                  i,
                  j,
                  keys.get(h.witness()).toBase58(),
                  owner.toBase58(),
                  H3Cell.fromLatLng(hotspots.get(h.witness()), 12).toDecimalString(),
                  at.plusMillis(500),
                  Math.round(h.rssiDbm() * 10),
                  Math.round(h.meters())));
        }
        out.add(
            String.format(
                Locale.ROOT,
                "{\"id\":%d,\"verified_at\":\"%s\",\"beacon\":{\"report_id\":\"r%d\","
                    + "\"hotspot\":\"%s\",\"owner\":\"%s\",\"location\":\"%s\",\"region\":\"EU868\","
                    + "\"gain_ddbi\":12,\"received_at\":\"%s\",\"frequency_hz\":867900000,"
                    + "\"datarate\":\"%s\",\"tx_power_dbm\":14,\"verdict\":\"valid\",\"reason\":null,"
                    + "\"hex_scale\":\"1.0000\",\"reward_unit\":\"1.0000\"},\"witnesses\":[%s]}",
                i + 1,
                at.plusSeconds(300),
                i + 1,
                keys.get(i).toBase58(),
                owner.toBase58(),
                H3Cell.fromLatLng(hotspots.get(i), 12).toDecimalString(),
                at,
                DATARATE,
                ws));
      }
      return out;
    }
  }

  /** The coverage service as {@code hexproof coverage} runs it, fed by a stub oracle. */
  static final class Service implements AutoCloseable {
    final HttpServer oracle;
    final ApplicationContext context;
    final int port;

    private Service(HttpServer oracle, ApplicationContext context, int port) {
      this.oracle = oracle;
      this.context = context;
      this.port = port;
    }

    static Service start(City city, Instant now) throws Exception {
      List<String> entries = city.feedEntries(now);
      HttpServer oracle =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      oracle.createContext("/v1/poc/feed", exchange -> feed(exchange, entries));
      oracle.start();
      Map<String, Object> props = new HashMap<>();
      props.put("micronaut.server.port", -1);
      props.put("micronaut.server.host", "127.0.0.1");
      props.put(
          "hexproof.coverage.oracle-url", "http://127.0.0.1:" + oracle.getAddress().getPort());
      props.put("hexproof.coverage.page-size", 500);
      props.put("hexproof.coverage.poll-interval", "200ms");
      long t0 = System.nanoTime();
      ApplicationContext context =
          ApplicationContext.builder().environments("coverage").properties(props).start();
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      server.start();
      Service s = new Service(oracle, context, server.getPort());
      long deadline = System.nanoTime() + 120_000_000_000L;
      Pattern cursor = Pattern.compile("\"feed_cursor\":(\\d+)");
      try (Client c = new Client(s.port)) {
        while (true) {
          Matcher m = cursor.matcher(c.getString("/v1/coverage/summary"));
          if (m.find() && Long.parseLong(m.group(1)) >= entries.size()) {
            break;
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the service did not consume the feed in 120 s");
          }
          Thread.sleep(100);
        }
        System.out.printf(
            Locale.ROOT,
            "%nservice: embedded PostgreSQL, port %d, %d feed entries consumed %.1f s after start;"
                + " summary: %s%n",
            s.port,
            entries.size(),
            (System.nanoTime() - t0) / 1e9,
            c.getString("/v1/coverage/summary"));
      }
      return s;
    }

    private static void feed(HttpExchange exchange, List<String> entries) throws IOException {
      long after = 0;
      int limit = 500;
      String raw = exchange.getRequestURI().getRawQuery();
      for (String part : raw == null ? new String[0] : raw.split("&")) {
        String[] kv = part.split("=", 2);
        if (kv[0].equals("after")) {
          after = Long.parseLong(kv[1]);
        } else if (kv[0].equals("limit")) {
          limit = Integer.parseInt(kv[1]);
        }
      }
      int from = (int) Math.min(after, entries.size());
      int to = Math.min(entries.size(), from + limit);
      String body =
          "{\"entries\":["
              + String.join(",", entries.subList(from, to))
              + "],\"last_id\":"
              + (to > from ? to : after)
              + "}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }

    @Override
    public void close() {
      context.close();
      oracle.stop(0);
    }
  }

  /** A closed-loop run of concurrent keep-alive clients. */
  record Load(long requests, long errors, double seconds, Stats latency, String loadAverage) {
    double perSecond() {
      return requests / seconds;
    }

    static Load run(int port, String[] paths, int clients, int warmupSeconds, int seconds)
        throws InterruptedException {
      AtomicBoolean measuring = new AtomicBoolean();
      AtomicBoolean stop = new AtomicBoolean();
      long[][] latencies = new long[clients][];
      int[] counts = new int[clients];
      long[] errors = new long[clients];
      Thread[] threads = new Thread[clients];
      for (int t = 0; t < clients; t++) {
        int id = t;
        threads[t] =
            new Thread(
                () -> {
                  long[] lat = new long[1 << 16];
                  int n = 0;
                  int next = id * 7919;
                  try (Client c = new Client(port)) {
                    while (!stop.get()) {
                      String path = paths[(next++ & 0x7fffffff) % paths.length];
                      long t0 = System.nanoTime();
                      int status = c.get(path);
                      long t1 = System.nanoTime();
                      if (measuring.get()) {
                        if (status != 200) {
                          errors[id]++;
                        }
                        if (n == lat.length) {
                          lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = t1 - t0;
                      }
                    }
                  } catch (IOException e) {
                    errors[id]++;
                  }
                  latencies[id] = lat;
                  counts[id] = n;
                },
                "load-" + t);
        threads[t].start();
      }
      Thread.sleep(warmupSeconds * 1000L);
      measuring.set(true);
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      measuring.set(false);
      long t1 = System.nanoTime();
      String load = LoadAverage.oneMinute();
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      int total = 0;
      for (int c : counts) {
        total += c;
      }
      long[] all = new long[total];
      int k = 0;
      long err = 0;
      for (int t = 0; t < clients; t++) {
        System.arraycopy(latencies[t], 0, all, k, counts[t]);
        k += counts[t];
        err += errors[t];
      }
      return new Load(total, err, (t1 - t0) / 1e9, Stats.of(all), load);
    }
  }

  /** A minimal HTTP/1.1 keep-alive client over one socket: GET only, Content-Length or chunked. */
  static final class Client implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final StringBuilder line = new StringBuilder();
    private byte[] body = new byte[1 << 16];
    private int bodyLength;
    private final Map<String, String> headers = new HashMap<>();

    Client(int port) {
      try {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Sends a GET and reads the whole response. */
    int get(String path) throws IOException {
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = readLine();
      if (status == null) {
        throw new IOException("connection closed");
      }
      int code = Integer.parseInt(status.substring(9, 12));
      headers.clear();
      for (String h = readLine(); h != null && !h.isEmpty(); h = readLine()) {
        int colon = h.indexOf(':');
        headers.put(
            h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
      bodyLength = 0;
      String length = headers.get("content-length");
      if (length != null) {
        readBody(Integer.parseInt(length));
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        while (true) {
          int size = Integer.parseInt(readLine().split(";")[0].trim(), 16);
          if (size == 0) {
            while (!readLine().isEmpty()) {
              // trailers
            }
            break;
          }
          readBody(size);
          readLine();
        }
      }
      return code;
    }

    void expectOk(String path) throws IOException {
      int code = get(path);
      if (code != 200) {
        throw new IOException("GET " + path + ": " + code + " " + bodyString());
      }
    }

    String getString(String path) throws IOException {
      expectOk(path);
      return bodyString();
    }

    String header(String path, String name) throws IOException {
      expectOk(path);
      return headers.get(name);
    }

    private String bodyString() {
      return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    private void readBody(int n) throws IOException {
      if (body.length < bodyLength + n) {
        body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
      }
      int read = in.readNBytes(body, bodyLength, n);
      if (read < n) {
        throw new IOException("short body");
      }
      bodyLength += n;
    }

    private String readLine() throws IOException {
      line.setLength(0);
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          int len = line.length();
          if (len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
          }
          return line.toString();
        }
        line.append((char) b);
      }
      return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing
      }
    }
  }
}
