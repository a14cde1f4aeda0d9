package org.hexproof.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hexproof.bridge.daemon.ReportTimes;
import org.hexproof.fieldtests.devnet.Devnet;
import org.hexproof.fieldtests.devnet.DevnetStatus;
import org.hexproof.fieldtests.fleet.FleetPlan;
import org.hexproof.fieldtests.fleet.Radio;

/** One fleet size of {@link DevnetScale}: start, warm up, measure, read the feed, stop. */
final class DevnetScaleRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Earliest verdict after a beacon: its entropy's 180 s window (poc-rules §0), simulated. */
  static final Duration RULE_FLOOR = Duration.ofSeconds(180);

  private final int hotspots;
  private final double speed;
  private final Duration window;
  private final int windows;
  private final Path dir;

  DevnetScaleRun(int hotspots, double speed, Duration window, int windows, Path dir) {
    this.hotspots = hotspots;
    this.speed = speed;
    this.window = window;
    this.windows = windows;
    this.dir = dir;
  }

  /** What one size measured; latencies and lag are simulated seconds. */
  record Result(
      int hotspots,
      int leftOut,
      double startSeconds,
      long beaconsSent,
      long beaconsExpected,
      long feedBeacons,
      double p50Seconds,
      double p99Seconds,
      double lagSeconds,
      double speed,
      long heapBytesPerHotspot,
      long maxHeapBytes,
      double threadsPerHotspot,
      double reportsPerWallSecond,
      double tooLateShare,
      int beaconsInFlightPeak,
      Duration meanBeaconWall,
      double cpuCores,
      long heapBeforeBytes,
      long heapAtWindowBytes,
      LatenessBreakdown lateness,
      ReportTimes times) {

    boolean keptUp() {
      return beaconsSent >= 0.95 * beaconsExpected
          && feedBeacons >= 0.95 * beaconsExpected
          && lagSeconds <= 2 * (RULE_FLOOR.toSeconds() + 60);
    }

    void print(double ed25519PerSecond) {
      System.out.printf(
          Locale.ROOT,
          "%n== %,d hotspots (speed %.0fx): %s   [load average %s]%n"
              + "start (services + fleet)                 %10.1f s wall; %d hotspots left out%n"
              + "beacons sent in the measured windows     %,10d of %,d expected (%.3f)%n"
              + "beacons verified in the feed             %,10d (%.3f)%n"
              + "beacon -> verdict p50 / p99              %6.0f / %.0f s simulated (%.1f / %.1f s wall)%n"
              + "  beside the rule floor (entropy 180 s)  ratio p50 %.2f, p99 %.2f%n"
              + "feed watermark lag at the end            %10.0f s simulated (limit %d)%n"
              + "heap per hotspot (after GC)              %,10d bytes; max heap holds %,d hotspots%n"
              + "threads per hotspot                      %10.1f%n"
              + "reports accepted per wall second         %10.1f; Ed25519 ceiling %,.0f/s, ratio %.4f%n"
              + "witnesses too_late                       %10.3f%n"
              + "beacons in flight at most (since start)  %10d; mean beacon %d wall ms%n"
              + "process CPU                              %10.2f cores%n",
          hotspots,
          speed,
          keptUp() ? "KEPT UP" : "FELL BEHIND",
          LoadAverage.oneMinute(),
          startSeconds,
          leftOut,
          beaconsSent,
          beaconsExpected,
          (double) beaconsSent / beaconsExpected,
          feedBeacons,
          (double) feedBeacons / beaconsExpected,
          p50Seconds,
          p99Seconds,
          p50Seconds / speed,
          p99Seconds / speed,
          p50Seconds / RULE_FLOOR.toSeconds(),
          p99Seconds / RULE_FLOOR.toSeconds(),
          lagSeconds,
          2 * (RULE_FLOOR.toSeconds() + 60),
          heapBytesPerHotspot,
          heapBytesPerHotspot == 0 ? 0 : maxHeapBytes / heapBytesPerHotspot,
          threadsPerHotspot,
          reportsPerWallSecond,
          ed25519PerSecond,
          reportsPerWallSecond / ed25519PerSecond,
          tooLateShare,
          beaconsInFlightPeak,
          meanBeaconWall.toMillis(),
          cpuCores);
      System.out.printf(
          Locale.ROOT,
          "heap used after GC before start / at the measured windows  %,d / %,d MiB%n",
          heapBeforeBytes >> 20,
          heapAtWindowBytes >> 20);
      System.out.println("witness lateness (oracle receive times, simulated ms):");
      lateness.print();
      System.out.println(
          "serial hotspots' reports since start, simulated ms p50 / p90 / p99 / max (count):");
      for (ReportTimes.Stage stage : ReportTimes.Stage.values()) {
        System.out.printf(
            Locale.ROOT,
            "  %-22s %,6d / %,6d / %,6d / %,6d  (%,d)%n",
            stage,
            times.quantileMillis(stage, 0.5),
            times.quantileMillis(stage, 0.9),
            times.quantileMillis(stage, 0.99),
            times.quantileMillis(stage, 1.0),
            times.count(stage));
      }
      System.out.println("  failed delivery attempts (retried) " + times.failures());
    }
  }

  Result run() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long heapBefore = usedAfterGc(memory);
    long t0 = System.nanoTime();
    try (Devnet devnet =
        Devnet.start(
            new Devnet.Options(
                hotspots,
                DevnetScale.RANDSTAD,
                speed,
                dir,
                0,
                0,
                window,
                Duration.ofMinutes(15),
                new PrintStream(OutputStream.nullOutputStream())),
            FleetPlan.in(DevnetScale.RANDSTAD, Devnet.FLEET_SEED)
                .moduleKinds(Radio.RAK3172)
                .serialModules(hotspots)
                .build(),
            false)) {
      double startSeconds = (System.nanoTime() - t0) / 1e9;
      int leftOut = devnet.hotspotsLeftOut();
      DevnetStatus http = new DevnetStatus(devnet.url());
      Instant now = devnet.clock().instant();
      long w = window.toMillis();
      Instant from = Instant.ofEpochMilli((now.toEpochMilli() / w + 2) * w);
      Instant to = from.plus(window.multipliedBy(windows));
      awaitSimulated(devnet, from);
      long heap = Math.max(0, usedAfterGc(memory) - heapBefore);
      int threads = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore;
      long sent0 = devnet.beaconsSent();
      DevnetStatus.Snapshot s0 = http.read();
      long cpu0 = processCpuNanos();
      long wall0 = System.nanoTime();
      awaitSimulated(devnet, to);
      long sent = devnet.beaconsSent() - sent0;
      DevnetStatus.Snapshot s1 = http.read();
      double wallSeconds = (System.nanoTime() - wall0) / 1e9;
      double cpuCores = (processCpuNanos() - cpu0) / 1e9 / wallSeconds;
      Instant watermark = watermark(http);
      double lag = Duration.between(watermark, devnet.clock().instant()).toMillis() / 1e3;
      Instant drainedBy = to.plus(RULE_FLOOR).plus(window.multipliedBy(2));
      while (watermark(http).isBefore(to) && devnet.clock().instant().isBefore(drainedBy)) {
        Thread.sleep(500);
      }
      List<Double> latencies = new ArrayList<>();
      LatenessBreakdown lateness = new LatenessBreakdown();
      readFeed(http, from, to, latencies, lateness);
      latencies.sort(Comparator.naturalOrder());
      double reports =
          ((s1.beaconReports() + s1.witnessReports()) - (s0.beaconReports() + s0.witnessReports()))
              / wallSeconds;
      return new Result(
          hotspots,
          leftOut,
          startSeconds,
          sent,
          (long) (hotspots - leftOut) * windows,
          latencies.size(),
          percentile(latencies, 0.50),
          percentile(latencies, 0.99),
          lag,
          speed,
          heap / hotspots,
          Runtime.getRuntime().maxMemory(),
          (double) threads / hotspots,
          reports,
          lateness.tooLateShare(),
          devnet.beaconsInFlightPeak(),
          devnet.meanBeaconWall(),
          cpuCores,
          heapBefore,
          heapBefore + heap,
          lateness,
          devnet.reportTimes());
    }
  }

  private static void readFeed(
      DevnetStatus http,
      Instant from,
      Instant to,
      List<Double> latencies,
      LatenessBreakdown lateness)
      throws IOException {
    long after = 0;
    while (true) {
      JsonNode page = JSON.readTree(http.get("v1/poc/feed?limit=5000&after=" + after).body());
      if (page.path("entries").isEmpty()) {
        return;
      }
      for (JsonNode e : page.path("entries")) {
        Instant received = Instant.parse(e.path("beacon").path("received_at").asText());
        if (received.isBefore(from) || !received.isBefore(to)) {
          continue;
        }
        Instant verified = Instant.parse(e.path("verified_at").asText());
        latencies.add(Duration.between(received, verified).toMillis() / 1e3);
        lateness.add(e);
      }
      after = page.path("last_id").asLong();
    }
  }

  private static Instant watermark(DevnetStatus http) throws IOException {
    return Instant.parse(
        JSON.readTree(http.get("v1/poc/feed/watermark").body()).path("verified_through").asText());
  }

  private static void awaitSimulated(Devnet devnet, Instant t) throws InterruptedException {
    while (devnet.clock().instant().isBefore(t)) {
      Thread.sleep(250);
    }
  }

  private static double percentile(List<Double> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    System.gc();
    Thread.sleep(200);
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
