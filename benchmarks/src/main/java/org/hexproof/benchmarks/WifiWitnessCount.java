package org.hexproof.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hexproof.fieldtests.devnet.Devnet;
import org.hexproof.fieldtests.fleet.FleetPlan;
import org.hexproof.fieldtests.fleet.HotspotPlan;
import org.hexproof.fieldtests.fleet.Radio;
import org.hexproof.fieldtests.sites.City;
import org.hexproof.support.db.Sql;

/**
 * Where the WiFi witnesses of a small devnet go: WiFi beacons the oracle stored, witness reports
 * the WiFi hotspots queued (their {@code witnesses-sent} state), witness reports the oracle stored,
 * and their verdicts by reason. The ceiling is every other WiFi module witnessing every WiFi beacon
 * (the devnet's WiFi air gives every module every soft AP); lags of judged witnesses behind their
 * beacon are printed beside the 4 s lateness bound (poc-rules.md §2.5).
 *
 * <p>Args: {@code [wifi=3] [serial=3] [speed=10] [seconds=60]}.
 */
public final class WifiWitnessCount {
  private static final long LATENESS_BOUND_MS = 4_000;

  private WifiWitnessCount() {}

  /** Runs one devnet and prints the counts. */
  public static void main(String[] args) throws Exception {
    int wifi = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int serial = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    double speed = args.length > 2 ? Double.parseDouble(args[2]) : 10;
    long seconds = args.length > 3 ? Long.parseLong(args[3]) : 60;
    System.out.printf(
        Locale.ROOT,
        "WifiWitnessCount: %d WiFi + %d serial hotspots, speed %.0fx, %d s; load average at start"
            + " %s%n",
        wifi,
        serial,
        speed,
        seconds,
        LoadAverage.oneMinute());
    FleetPlan plan = FleetPlan.in(City.VALLETTA, 7).serialModules(serial).wifi(wifi).build();
    Path dir = Files.createTempDirectory("hexproof-wifi-count-");
    try (Devnet devnet =
        Devnet.start(
            new Devnet.Options(
                plan.hotspots().size(),
                plan.city(),
                speed,
                dir,
                0,
                0,
                Duration.ofMinutes(3),
                Duration.ofMinutes(6),
                new PrintStream(OutputStream.nullOutputStream())),
            plan,
            false)) {
      Thread.sleep(seconds * 1_000);
      report(devnet, plan, dir);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.out.printf(Locale.ROOT, "load average at end: %s%n", LoadAverage.oneMinute());
  }

  private static void report(Devnet devnet, FleetPlan plan, Path dir) throws IOException {
    Sql sql =
        new Sql(
            devnet.context().getBean(io.r2dbc.spi.ConnectionFactory.class), Duration.ofSeconds(10));
    List<String> wifiKeys =
        devnet.fleet().stream()
            .filter(h -> plan.hotspot(h.name()).map(HotspotPlan::radio).orElse(null) == Radio.WIFI)
            .map(Devnet.Hotspot::key)
            .toList();
    long queued = 0;
    for (Devnet.Hotspot h : devnet.fleet()) {
      Path state = dir.resolve("hotspots").resolve(h.name()).resolve("data/state.properties");
      if (wifiKeys.contains(h.key()) && Files.exists(state)) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(state)) {
          p.load(in);
        }
        queued += Long.parseLong(p.getProperty("witnesses-sent", "0"));
      }
    }
    // WiFi beacons and witnesses are the reports on 2.4 GHz (the rest of the fleet is EU868)
    long beacons =
        sql.queryOne(
                "SELECT count(*) FROM poc.beacon_report WHERE frequency_hz > 2000000000",
                r -> r.get(0, Long.class))
            .orElse(0L);
    List<Object[]> witnesses =
        sql.query(
            "SELECT coalesce(v.verdict || coalesce(' ' || v.reason, ''), 'not yet judged'),"
                + " (SELECT (extract(epoch FROM w.received_at - b.received_at) * 1000)::bigint"
                + "  FROM poc.beacon_report b WHERE b.report_id = v.beacon_report_id)"
                + " FROM poc.witness_report w LEFT JOIN poc.verdict v ON v.report_id = w.report_id"
                + " WHERE w.frequency_hz > 2000000000",
            r -> new Object[] {r.get(0, String.class), r.get(1, Long.class)});
    long ceiling = beacons * (wifiKeys.size() - 1);
    System.out.printf(
        Locale.ROOT,
        "WiFi beacons stored %d; witnesses queued %d, stored %d; ceiling (every other WiFi module"
            + " witnesses every beacon) %d: stored/ceiling %.3f%n",
        beacons,
        queued,
        witnesses.size(),
        ceiling,
        ceiling == 0 ? 0.0 : witnesses.size() / (double) ceiling);
    Map<String, Long> byVerdict =
        witnesses.stream()
            .collect(
                Collectors.groupingBy(w -> (String) w[0], TreeMap::new, Collectors.counting()));
    System.out.println("witness verdicts: " + byVerdict);
    List<Long> lags =
        witnesses.stream().map(w -> (Long) w[1]).filter(l -> l != null).sorted().toList();
    if (!lags.isEmpty()) {
      long max = lags.get(lags.size() - 1);
      System.out.printf(
          Locale.ROOT,
          "lag behind the beacon (simulated ms): min %d, median %d, max %d; max / lateness bound"
              + " %d ms = %.2f%n",
          lags.get(0),
          lags.get(lags.size() / 2),
          max,
          LATENESS_BOUND_MS,
          max / (double) LATENESS_BOUND_MS);
    }
  }
}
