package org.hexproof.benchmarks;

import java.util.Locale;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.model.PointCoverage;

/**
 * Parts 1 and 2 of {@link CoverageBenchmarks}: point lookups in process beside the bare {@link
 * H3Cell#fromLatLng}, and over HTTP beside {@value CoverageBenchmarks#FLOOR}.
 */
final class LookupBenchmarks {
  private LookupBenchmarks() {}

  // ---------------------------------------------------------------------------------------------
  // 1. in-process lookups

  static void inProcess(CoverageBenchmarks bench, CoverageMap map, CoverageCity city) {
    CoverageBenchmarks.header("1. point lookup in process (one thread)");
    LatLng[] points = city.randomPoints(4096, 1);
    int res = map.resolution();
    long covered = 0;
    for (LatLng p : points) {
      covered += map.lookup(p).covered() ? 1 : 0;
    }
    int rounds = bench.quick ? 3 : 10;
    int perRound = 200_000;
    long[] lookup = new long[rounds * perRound];
    long[] floor = new long[rounds * perRound];
    long[] clock = new long[rounds * perRound];
    long sink = 0;
    // warm-up: the same loops, untimed
    for (int w = 0; w < (bench.quick ? 2 : 5); w++) {
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
        (double) l.p50() / f.p50(),
        (double) l.p99() / f.p99(),
        sink & 1);
    bench.verdict(
        "in-process lookup p99 < 1 ms",
        l.p99() < 1_000_000,
        String.format(Locale.ROOT, "p99 %.2f µs", l.p99() / 1e3));
  }

  // ---------------------------------------------------------------------------------------------
  // 2. HTTP lookups

  static void overHttp(
      CoverageBenchmarks bench, CoverageService service, CoverageMap map, CoverageCity city)
      throws Exception {
    CoverageBenchmarks.header(
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
    try (KeepAliveClient c = new KeepAliveClient(service.port)) {
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
    int seconds = Integer.getInteger("bench.cov.seconds", bench.quick ? 3 : 10);
    int warmup = bench.quick ? 2 : 4;
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
      KeepAliveLoad health =
          KeepAliveLoad.run(
              service.port, new String[] {CoverageBenchmarks.FLOOR}, clients, warmup, seconds);
      printLoad("floor: GET " + CoverageBenchmarks.FLOOR, clients, health);
      KeepAliveLoad point = KeepAliveLoad.run(service.port, paths, clients, warmup, seconds);
      printLoad("GET /v1/coverage/point", clients, point);
      KeepAliveLoad mgmt =
          KeepAliveLoad.run(service.port, new String[] {"/health"}, clients, warmup, seconds);
      printLoad("(not a floor) GET /health", clients, mgmt);
      System.out.printf(
          Locale.ROOT,
          "  ratio point / ladder: throughput %.2f, p50 %.2f, p99 %.2f%n",
          point.perSecond() / health.perSecond(),
          point.latency().p50() / (double) health.latency().p50(),
          point.latency().p99() / (double) health.latency().p99());
      bestPoint = Math.max(bestPoint, point.perSecond());
    }
    bench.verdict(
        "≥ 5,000 HTTP lookups/s",
        bestPoint >= 5000,
        String.format(Locale.ROOT, "best %,.0f/s", bestPoint));
  }

  private static void printLoad(String name, int clients, KeepAliveLoad l) {
    System.out.printf(
        Locale.ROOT,
        "%-30s %8d %,12.0f %10.3f %10.3f %8d %8s%n",
        name,
        clients,
        l.perSecond(),
        l.latency().p50() / 1e6,
        l.latency().p99() / 1e6,
        l.errors(),
        l.loadAverage());
  }

  private static void row(String name, Stats s) {
    System.out.printf(
        Locale.ROOT,
        "%-44s %10.3f %10.3f %10.3f%n",
        name,
        s.p50() / 1e3,
        s.p99() / 1e3,
        s.p999() / 1e3);
  }
}
