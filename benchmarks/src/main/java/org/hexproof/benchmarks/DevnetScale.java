package org.hexproof.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.Region;
import org.hexproof.fieldtests.rf.Terrain;
import org.hexproof.fieldtests.sites.City;

/**
 * How large a fleet the devnet keeps in real time: for each fleet size, a fresh devnet (embedded
 * PostgreSQL, oracle, gateway, rewards, coverage, N serial-module hotspot daemons on the simulated
 * air) runs a warm-up window and then {@code windows} measured beacon windows on its accelerated
 * clock. Per size it prints whether every hotspot beaconed once per window, the feed's lag behind
 * the clock, beacon → verdict latency (p50, p99) beside the rule floor (a beacon cannot be verified
 * before its entropy's 180 s window closes), heap and threads per hotspot beside the heap limit,
 * and the signatures per second the fleet needed beside the Ed25519 verify ceiling on this
 * machine's cores, measured in the same run.
 *
 * <p>Args: {@code [sizes=250,500,1000,2000] [speed=10] [windows=3] [window-minutes=5]}. Several
 * sizes run one after the other, each in a JVM of its own.
 */
public final class DevnetScale {
  /**
   * The benchmark's city: a 30 km disc over the Randstad (Amsterdam, Haarlem, Leiden, Utrecht),
   * EU868, large enough to hold thousands of sites 400 m apart (the built-in city discs hold a few
   * hundred).
   */
  static final City RANDSTAD =
      new City(
          "Randstad (benchmark disc)",
          Region.EU868,
          Terrain.SUBURBAN,
          new LatLng(52.25, 4.75),
          30_000);

  private DevnetScale() {}

  /** Runs the sizes in order, each on a fresh devnet. */
  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String s : (args.length > 0 ? args[0] : "250,500,1000,2000").split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    if (sizes.size() > 1) {
      // One JVM per size: a devnet closed in this JVM left ~1.4 GB of heap behind (measured at
      // 1,000 hotspots), which the next size counted against its own heap per hotspot.
      for (int n : sizes) {
        runAlone(n, args);
      }
      return;
    }
    double speed = args.length > 1 ? Double.parseDouble(args[1]) : 10;
    int windows = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Duration window = Duration.ofMinutes(args.length > 3 ? Long.parseLong(args[3]) : 5);
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        Locale.ROOT,
        "DevnetScale: sizes %s, speed %.0fx, %d measured windows of %d min (simulated), %d cores,"
            + " max heap %d MiB, load average at start %s%n",
        sizes,
        speed,
        windows,
        window.toMinutes(),
        cores,
        Runtime.getRuntime().maxMemory() >> 20,
        LoadAverage.oneMinute());
    double ceiling = new Ed25519Ceiling(20_261_125L).verifiesPerSecond(cores, 2_000);
    System.out.printf(
        Locale.ROOT, "Ed25519 verify ceiling on %d threads: %,.0f/s%n", cores, ceiling);
    for (int n : sizes) {
      Path dir = Files.createTempDirectory("hexproof-devnet-scale-");
      try {
        new DevnetScaleRun(n, speed, window, windows, dir).run().print(ceiling);
      } catch (Exception e) {
        // a devnet too loaded to answer its own API has not kept up either
        System.out.printf(
            Locale.ROOT,
            "%n== %,d hotspots (speed %.0fx): FAILED   [load average %s]%n%s%n",
            n,
            speed,
            LoadAverage.oneMinute(),
            e);
      } finally {
        DevnetScaleRun.deleteTree(dir);
      }
    }
    System.out.printf(Locale.ROOT, "load average at end: %s%n", LoadAverage.oneMinute());
  }

  /** Runs one size in a fresh JVM with this one's options and class path, and waits for it. */
  private static void runAlone(int size, String[] args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DevnetScale.class.getName());
    command.add(Integer.toString(size));
    for (int i = 1; i < args.length; i++) {
      command.add(args[i]);
    }
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0) {
      System.out.printf(
          Locale.ROOT, "%n== %,d hotspots: the JVM of this size exited %d%n", size, exit);
    }
  }
}
