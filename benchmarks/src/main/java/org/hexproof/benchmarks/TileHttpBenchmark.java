package org.hexproof.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.tiles.CoverageTiles;
import org.hexproof.coverage.tiles.TileCoordinate;

/**
 * Part 3b of {@link CoverageBenchmarks}: vector tiles over HTTP, cold beside in-process encoding of
 * the same tiles and cached beside {@value CoverageBenchmarks#FLOOR} from the same client.
 */
final class TileHttpBenchmark {
  private TileHttpBenchmark() {}

  static void run(
      CoverageBenchmarks bench, CoverageService service, CoverageMap map, CoverageCity city)
      throws Exception {
    CoverageBenchmarks.header("3b. vector tiles over HTTP (one sequential keep-alive client)");
    List<TileCoordinate> tiles = city.tiles(12, 14, bench.quick ? 10 : 30);
    try (KeepAliveClient c = new KeepAliveClient(service.port)) {
      // warm the code paths on tiles outside the measured set (z15 over the centre)
      for (TileCoordinate t : city.tiles(15, 15, bench.quick ? 10 : 30)) {
        c.get(tilePath(t));
      }
      for (int i = 0; i < 500; i++) {
        c.get(CoverageBenchmarks.FLOOR);
      }
      String version0 =
          c.header(
              tilePath(TileCoordinate.containing(CoverageCity.BERLIN, 11)), "x-coverage-version");
      long[] cold = new long[tiles.size()];
      for (int i = 0; i < tiles.size(); i++) {
        long t0 = System.nanoTime();
        c.expectOk(tilePath(tiles.get(i)));
        cold[i] = System.nanoTime() - t0;
      }
      int repeats = bench.quick ? 5 : 20;
      long[] cached = new long[tiles.size() * repeats];
      long[] health = new long[tiles.size() * repeats];
      for (int r = 0; r < repeats; r++) {
        for (int i = 0; i < tiles.size(); i++) {
          long t0 = System.nanoTime();
          c.expectOk(tilePath(tiles.get(i)));
          long t1 = System.nanoTime();
          c.expectOk(CoverageBenchmarks.FLOOR);
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
          c.header(
              tilePath(TileCoordinate.containing(CoverageCity.BERLIN, 11)), "x-coverage-version");
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
      tileRow("floor: GET " + CoverageBenchmarks.FLOOR + ", same client", sh, load);
      System.out.printf(
          Locale.ROOT,
          "ratio p95: cached / ladder %.2f, cold / ladder %.1f, cold / cached %.1f%n",
          sk.p95() / (double) sh.p95(),
          sc.p95() / (double) sh.p95(),
          sc.p95() / (double) sk.p95());
      System.out.printf(
          Locale.ROOT,
          "ratio cold over HTTP / encode in process: p50 %.2f, p95 %.2f%n",
          sc.p50() / (double) sl.p50(),
          sc.p95() / (double) sl.p95());
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
            s.p50() / 1e6,
            s.p95() / 1e6,
            l.p50() / 1e6,
            l.p95() / 1e6);
      }
      bench.verdict(
          "cached tile p95 < 20 ms",
          sk.p95() < 20_000_000,
          String.format(Locale.ROOT, "p95 %.2f ms", sk.p95() / 1e6));
      bench.verdict(
          "cold tile (z ≥ 12) p95 < 150 ms",
          sc.p95() < 150_000_000,
          String.format(Locale.ROOT, "p95 %.1f ms", sc.p95() / 1e6));
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
        s.n(),
        s.p50() / 1e6,
        s.p95() / 1e6,
        s.max() / 1e6,
        load);
  }

  private static String tilePath(TileCoordinate t) {
    return "/tiles/" + t.zoom() + "/" + t.x() + "/" + t.y() + ".mvt";
  }
}
