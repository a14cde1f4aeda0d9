package org.hexproof.benchmarks;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.coverage.geometry.CellPolygons;
import org.hexproof.coverage.model.CoverageMap;

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
 * timed loop is preceded by a warm-up of the same loop. The data: {@value CoverageCity#HOTSPOTS}
 * SF9 LoRa hotspots spread uniformly over a disk of radius {@value CoverageCity#CITY_RADIUS_M} m
 * around Berlin's centre, each beaconing once, heard by its nearest neighbours within {@value
 * CoverageCity#MAX_WITNESS_M} m on RSSI = −100 − 30·log10(d / 1 km) + N(0, 4 dB) (seeded), so every
 * hotspot gets a least-squares model.
 *
 * <p>Options: {@code --quick} (shorter runs); {@code -Dbench.cov.seconds} (HTTP run length, default
 * 10), {@code -Dbench.cov.clients} (comma list of concurrent connections, default 4,16).
 */
public final class CoverageBenchmarks {
  /**
   * The floor endpoint: the zoom ladder, a constant 23-entry JSON answer through the same router,
   * serde and controller class as the point lookup. {@code /health} is no floor: it runs the health
   * indicators and measured slower than the lookups themselves.
   */
  static final String FLOOR = "/v1/coverage/ladder";

  final boolean quick;
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
    CoverageCity city = CoverageCity.generate();
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

    LookupBenchmarks.inProcess(this, map, city);
    MergeBenchmark.run(this);
    TileEncodingBenchmark.run(this, map, city);
    try (CoverageService service = CoverageService.start(city, now)) {
      LookupBenchmarks.overHttp(this, service, map, city);
      TileHttpBenchmark.run(this, service, map, city);
    }
    System.out.println();
    System.out.println("targets (2 cores)");
    System.out.print(verdicts);
    System.out.printf(Locale.ROOT, "load average at end: %s%n", LoadAverage.oneMinute());
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  void verdict(String target, boolean met, String figure) {
    verdicts.append(
        String.format(Locale.ROOT, "  %-44s %-8s %s%n", target, met ? "MET" : "MISSED", figure));
  }

  static void header(String title) {
    System.out.println();
    System.out.println("== " + title + "   [load average " + LoadAverage.oneMinute() + "]");
  }
}
