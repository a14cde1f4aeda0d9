package org.hexproof.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hexproof.bridge.emulator.FixedSignalMedium;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.radio.CommandTimeoutException;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.LineChannel;
import org.hexproof.bridge.serial.LineDialect;
import org.hexproof.bridge.serial.LineReceiver;
import org.hexproof.bridge.serial.Rak3172Driver;
import org.hexproof.bridge.serial.SerialLine;
import org.hexproof.bridge.serial.SerialLineOptions;
import org.hexproof.bridge.serial.SocatPair;

/**
 * Serial costs of the hotspot daemon, each beside its floor measured in the same run:
 *
 * <ol>
 *   <li><b>AT round trip</b>: {@code AT} → {@code OK} through {@link SerialLine#command} (the
 *       drivers' path) over a socat pseudo-terminal pair to the {@link Rak3172Emulator}, against a
 *       <b>raw echo</b> over a second pair with the same {@link JsscLineChannel}s on both ends
 *       (write a line, the far end writes it back, read it: no command parsing, no emulator).
 *   <li><b>Idle CPU</b> ({@link SerialRoundTripIdleCpu}): a whole hotspot daemon in a child JVM
 *       with one open port (RAK3172 emulator in this process, outbox drained against an in-process
 *       stub oracle, scheduled beacons off), CPU time over 30 s from {@link ProcessHandle}, against
 *       an idle child JVM that only sleeps, measured at the same time. Target: under 2 % of one
 *       core.
 * </ol>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.hexproof.benchmarks.SerialRoundTrip
 * [commands] [idle-seconds]} (defaults 2000 and 30). Needs {@code socat} on the PATH.
 */
public final class SerialRoundTrip {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final int WARMUP = 200;

  private SerialRoundTrip() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child-daemon")) {
      SerialRoundTripIdleCpu.childDaemon(Path.of(args[1]));
      return;
    }
    if (args.length > 0 && args[0].equals("--child-idle")) {
      SerialRoundTripIdleCpu.childIdle();
      return;
    }
    int commands = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path dir = Files.createTempDirectory("serial-round-trip");
    System.out.printf(
        Locale.ROOT,
        "SerialRoundTrip %s: %d processors, %s %s, %s %s; poll interval %d ms on both ends%n",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        System.getProperty("os.arch"),
        System.getProperty("os.name"),
        JsscLineChannel.DEFAULT_POLL.toMillis());
    System.out.printf(
        Locale.ROOT,
        "load average at start: %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

    long[] echo = rawEcho(dir, commands);
    long[] at = atRoundTrip(dir, commands);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-44s %10s %10s %10s%n",
        "round trip (" + commands + " each)",
        "median",
        "p99",
        "mean");
    print("raw echo, JsscLineChannel both ends", echo);
    print("AT -> OK, SerialLine to RAK3172 emulator", at);
    System.out.printf(
        Locale.ROOT,
        "%-44s %10.2f %10.2f %10.2f%n",
        "ratio AT / raw echo",
        (double) percentile(at, 50) / percentile(echo, 50),
        (double) percentile(at, 99) / percentile(echo, 99),
        mean(at) / mean(echo));

    SerialRoundTripIdleCpu.run(dir, idleSeconds);
    System.out.printf(
        Locale.ROOT,
        "load average at end: %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void print(String name, long[] nanos) {
    System.out.printf(
        Locale.ROOT,
        "%-44s %7.3f ms %7.3f ms %7.3f ms%n",
        name,
        percentile(nanos, 50) / 1e6,
        percentile(nanos, 99) / 1e6,
        mean(nanos) / 1e6);
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  static double mean(long[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static long[] rawEcho(Path dir, int count) throws InterruptedException {
    try (SocatPair pair = SocatPair.start(dir.resolve("echo-host"), dir.resolve("echo-far"))) {
      BlockingQueue<String> back = new LinkedBlockingQueue<>();
      LineChannel[] far = new LineChannel[1];
      far[0] =
          JsscLineChannel.opener(pair.linkB(), Rak3172Driver.BAUD)
              .open(receiver(line -> far[0].writeLine(line)));
      LineChannel host =
          JsscLineChannel.opener(pair.linkA(), Rak3172Driver.BAUD).open(receiver(back::add));
      try {
        long[] nanos = new long[count];
        int lost = 0;
        for (int i = -WARMUP; i < count; i++) {
          // unique lines (AT plus a counter) so that a late echo is never taken for the next one
          String line = "AT" + Integer.toString(i + WARMUP, 36);
          long start = System.nanoTime();
          host.writeLine(line);
          long deadline = start + TIMEOUT.toNanos();
          String got;
          do {
            got = back.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          } while (got != null && !got.equals(line));
          long took = System.nanoTime() - start;
          if (got == null) {
            lost++;
            System.err.println("raw echo: " + line + " not back within " + TIMEOUT);
            i--; // measure another one instead
            if (lost > 20) {
              throw new IllegalStateException("raw echo: more than 20 lines lost");
            }
            continue;
          }
          if (i >= 0) {
            nanos[i] = took;
          }
        }
        System.out.printf(
            Locale.ROOT, "raw echo: %d lines lost (not back within %s)%n", lost, TIMEOUT);
        Arrays.sort(nanos);
        return nanos;
      } finally {
        host.close();
        far[0].close();
      }
    }
  }

  private static long[] atRoundTrip(Path dir, int count) {
    try (SocatPair pair = SocatPair.start(dir.resolve("at-host"), dir.resolve("at-module"));
        Rak3172Emulator emulator =
            new Rak3172Emulator(
                JsscLineChannel.opener(pair.linkB(), Rak3172Driver.BAUD),
                new FixedSignalMedium(new Signal(-90, 5)))) {
      emulator.start();
      SerialLine line =
          new SerialLine(
              JsscLineChannel.opener(pair.linkA(), Rak3172Driver.BAUD),
              new LineDialect("rak3172", s -> s.startsWith("+EVT:"), "AT", s -> s.equals("OK")),
              SerialLineOptions.defaults().withPingInterval(Duration.ZERO),
              Clock.systemUTC());
      try {
        line.start();
        long[] nanos = new long[count];
        int timeouts = 0;
        for (int i = -WARMUP; i < count; i++) {
          long start = System.nanoTime();
          List<String> reply;
          try {
            reply = line.command("AT", s -> s.equals("OK") || s.startsWith("AT_"), TIMEOUT);
          } catch (CommandTimeoutException e) {
            timeouts++;
            System.err.println("AT: " + e.getMessage());
            i--;
            if (timeouts > 20) {
              throw e;
            }
            continue;
          }
          long took = System.nanoTime() - start;
          if (!reply.equals(List.of("OK"))) {
            throw new IllegalStateException("AT " + i + ": got " + reply);
          }
          if (i >= 0) {
            nanos[i] = took;
          }
        }
        System.out.printf(Locale.ROOT, "AT: %d commands timed out (%s)%n", timeouts, TIMEOUT);
        Arrays.sort(nanos);
        return nanos;
      } finally {
        line.close();
      }
    }
  }

  private static LineReceiver receiver(java.util.function.Consumer<String> onLine) {
    return new LineReceiver() {
      @Override
      public void onLine(String line) {
        onLine.accept(line);
      }

      @Override
      public void onLinkDown(LinkDownException cause) {
        System.err.println("link down: " + cause.getMessage());
      }
    };
  }
}
