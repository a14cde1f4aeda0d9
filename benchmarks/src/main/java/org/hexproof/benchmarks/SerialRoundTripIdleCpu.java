package org.hexproof.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.hexproof.bridge.daemon.HotspotConfig;
import org.hexproof.bridge.daemon.HotspotDaemon;
import org.hexproof.bridge.emulator.FixedSignalMedium;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.Rak3172Driver;
import org.hexproof.bridge.serial.SocatPair;

/**
 * The idle-CPU half of {@link SerialRoundTrip}: a whole {@link HotspotDaemon} in a child JVM with
 * one open port (RAK3172 emulator in this process, outbox drained against an in-process stub
 * oracle, scheduled beacons off), CPU time over the run from {@link ProcessHandle}, against an idle
 * child JVM that only sleeps, measured at the same time. Target: under 2 % of one core. The
 * children are this benchmark's own main with {@code --child-daemon CONFIG} or {@code
 * --child-idle}.
 */
final class SerialRoundTripIdleCpu {
  private SerialRoundTripIdleCpu() {}

  /** Measures and prints the idle daemon's CPU beside a sleeping JVM's, over {@code seconds}. */
  static void run(Path dir, int seconds) throws Exception {
    HttpServer oracle = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    oracle.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    oracle.start();
    try (SocatPair pair = SocatPair.start(dir.resolve("idle-host"), dir.resolve("idle-module"));
        Rak3172Emulator emulator =
            new Rak3172Emulator(
                JsscLineChannel.opener(pair.linkB(), Rak3172Driver.BAUD),
                new FixedSignalMedium(new Signal(-90, 5)))) {
      emulator.start();
      Properties p = new Properties();
      p.setProperty("key-file", "hotspot.key");
      p.setProperty("network", "testnet");
      p.setProperty("data-dir", "data");
      p.setProperty("oracle.url", "http://127.0.0.1:" + oracle.getAddress().getPort());
      p.setProperty("location", "52.0907,5.1214");
      p.setProperty("region", "EU868");
      p.setProperty("radio.type", "rak3172");
      p.setProperty("radio.device", pair.linkA().toString());
      Path config = dir.resolve("hotspot.properties");
      try (var out = Files.newBufferedWriter(config)) {
        p.store(out, "SerialRoundTrip idle daemon");
      }
      Process daemon = child("--child-daemon", config.toString());
      Process idle = child("--child-idle");
      try {
        awaitLine(daemon, "READY");
        awaitLine(idle, "READY");
        Thread.sleep(5_000); // JIT and class loading settle
        Duration daemon0 = cpu(daemon);
        Duration idle0 = cpu(idle);
        long wall0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        Duration daemonCpu = cpu(daemon).minus(daemon0);
        Duration idleCpu = cpu(idle).minus(idle0);
        double wall = (System.nanoTime() - wall0) / 1e9;
        double daemonShare = daemonCpu.toNanos() / 1e9 / wall;
        double idleShare = idleCpu.toNanos() / 1e9 / wall;
        System.out.println();
        System.out.printf(
            Locale.ROOT,
            "idle CPU over %.1f s wall (ProcessHandle totalCpuDuration of child JVMs)%n",
            wall);
        System.out.printf(
            Locale.ROOT,
            "%-44s %8d ms %8.3f %% of one core%n",
            "hotspot daemon, one open port",
            daemonCpu.toMillis(),
            100 * daemonShare);
        System.out.printf(
            Locale.ROOT,
            "%-44s %8d ms %8.3f %% of one core%n",
            "JVM that only sleeps",
            idleCpu.toMillis(),
            100 * idleShare);
        System.out.printf(
            Locale.ROOT,
            "%-44s %8s (difference %.3f %% of one core; target < 2 %%: %s)%n",
            "ratio daemon / sleeping JVM",
            idleCpu.isZero() ? "n/a" : String.format(Locale.ROOT, "%.2f", daemonShare / idleShare),
            100 * (daemonShare - idleShare),
            daemonShare < 0.02 ? "met" : "NOT met");
      } finally {
        daemon.destroy();
        idle.destroy();
        daemon.waitFor(10, TimeUnit.SECONDS);
        idle.waitFor(10, TimeUnit.SECONDS);
      }
    } finally {
      oracle.stop(0);
    }
  }

  private static Duration cpu(Process process) {
    return process
        .toHandle()
        .info()
        .totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("no CPU time for pid " + process.pid()));
  }

  private static Process child(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx128m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SerialRoundTrip.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void awaitLine(Process process, String expected) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.equals(expected)) {
        // keep draining so the child never blocks on a full pipe
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (reader.readLine() != null) {
                      // discard
                    }
                  } catch (IOException ignored) {
                    // child gone
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return;
      }
      System.err.println("child: " + line);
    }
    throw new IllegalStateException("child exited before " + expected);
  }

  /** The child: a production-default daemon (scheduled beacons off) with its outbox drained. */
  static void childDaemon(Path config) throws InterruptedException {
    HotspotDaemon.Options defaults = HotspotDaemon.Options.defaults();
    HotspotDaemon.Options options =
        new HotspotDaemon.Options(
            defaults.serial(),
            defaults.commandTimeout(),
            defaults.scanTimeout(),
            defaults.beaconRetry(),
            false);
    HotspotDaemon daemon =
        new HotspotDaemon(
            HotspotConfig.load(config),
            Clock.systemUTC(),
            new java.security.SecureRandom(),
            options);
    daemon.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (daemon.status().outboxDepth() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("outbox not drained: " + daemon.status());
      }
      Thread.sleep(50);
    }
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  static void childIdle() throws InterruptedException {
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
