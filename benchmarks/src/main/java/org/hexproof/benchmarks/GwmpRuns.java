package org.hexproof.benchmarks;

import static org.hexproof.benchmarks.GwmpThroughput.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.GwmpCodec;
import org.hexproof.gateway.semtech.MalformedDatagramException;
import org.hexproof.gateway.server.GatewayRegistry;
import org.hexproof.gateway.server.GatewayServer;
import org.hexproof.gateway.server.UplinkListener;

/**
 * The measured runs of GwmpThroughput: closed and open loops over UDP, and the in-process floors.
 */
final class GwmpRuns {
  private GwmpRuns() {}

  /**
   * Max rate: each client thread keeps {@code window} datagrams outstanding and sends one more per
   * ACK; a window without any ACK for 200 ms is counted lost and refilled.
   */
  static GwmpLoad.RunResult closedLoop(
      GwmpTargets.Target target, List<Eui64> euis, List<byte[]> datagrams, Settings settings)
      throws Exception {
    List<GwmpLoad.Client> clients = clients(target, euis, datagrams);
    long origin = System.nanoTime();
    GwmpLoad.CpuSampler cpu = new GwmpLoad.CpuSampler(target.serverThread(), origin, settings);
    long measureFrom = settings.warmup().toNanos();
    long end = measureFrom + settings.measured().toNanos();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (GwmpLoad.Client c : clients) {
      Thread t =
          new Thread(
              () -> {
                try {
                  closedLoop(c, settings.window(), origin, measureFrom, end);
                } catch (IOException | RuntimeException e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              },
              "gwmp-client-" + threads.size());
      threads.add(t);
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    return finish(clients, failures, "max", settings, cpu);
  }

  static void closedLoop(GwmpLoad.Client c, int window, long origin, long measureFrom, long end)
      throws IOException {
    int outstanding = 0;
    long now = System.nanoTime() - origin;
    while (now < end) {
      while (outstanding < window) {
        c.send(now + 1, now >= measureFrom);
        outstanding++;
      }
      long stamp = c.receive();
      now = System.nanoTime() - origin;
      if (stamp < 0) {
        c.abandonOutstanding(measureFrom + 1);
        outstanding = 0;
      } else if (stamp == 0) {
        if (now >= measureFrom && now < end) {
          c.late++;
        }
      } else {
        outstanding--;
        if (now >= measureFrom && now < end) {
          c.acked++;
          c.recordLatency(now - (stamp - 1));
        }
      }
    }
    // stop sending; ACKs of datagrams sent before the end may still count as not lost
    long drainUntil = end + DRAIN.toNanos();
    while (outstanding > 0 && System.nanoTime() - origin < drainUntil) {
      long stamp = c.receive();
      if (stamp < 0) {
        break;
      } else if (stamp > 0) {
        outstanding--;
      }
    }
    c.abandonOutstanding(measureFrom + 1);
  }

  /**
   * Fixed rate: one pacer thread sends on a fixed schedule, round-robin over the clients, whatever
   * the ACKs do; one receiver thread per client.
   */
  static GwmpLoad.RunResult openLoop(
      GwmpTargets.Target target, List<Eui64> euis, List<byte[]> datagrams, Settings settings)
      throws Exception {
    List<GwmpLoad.Client> clients = clients(target, euis, datagrams);
    long origin = System.nanoTime();
    GwmpLoad.CpuSampler cpu = new GwmpLoad.CpuSampler(target.serverThread(), origin, settings);
    long measureFrom = settings.warmup().toNanos();
    long end = measureFrom + settings.measured().toNanos();
    long interval = 1_000_000_000L / settings.rate();
    List<Throwable> failures = new ArrayList<>();
    long[] stopReceiving = {Long.MAX_VALUE};
    Object lock = new Object();
    List<Thread> receivers = new ArrayList<>();
    for (GwmpLoad.Client c : clients) {
      Thread t =
          new Thread(
              () -> {
                try {
                  while (true) {
                    long stamp = c.receive();
                    long now = System.nanoTime() - origin;
                    synchronized (lock) {
                      if (now >= stopReceiving[0]) {
                        return;
                      }
                    }
                    if (stamp == 0 && now >= measureFrom) {
                      c.late++;
                    } else if (stamp > measureFrom) {
                      c.acked++;
                      c.recordLatency(now - (stamp - 1));
                    }
                  }
                } catch (IOException | RuntimeException e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              },
              "gwmp-receiver-" + receivers.size());
      receivers.add(t);
    }
    receivers.forEach(Thread::start);
    for (long i = 0; ; i++) {
      long scheduled = i * interval;
      if (scheduled >= end) {
        break;
      }
      long wait;
      while ((wait = scheduled - (System.nanoTime() - origin)) > 0) {
        LockSupport.parkNanos(wait);
      }
      clients.get((int) (i % clients.size())).send(scheduled + 1, scheduled >= measureFrom);
    }
    Thread.sleep(DRAIN.toMillis());
    synchronized (lock) {
      stopReceiving[0] = System.nanoTime() - origin;
    }
    for (Thread t : receivers) {
      t.join();
    }
    return finish(
        clients, failures, String.format(Locale.ROOT, "%,d", settings.rate()), settings, cpu);
  }

  static List<GwmpLoad.Client> clients(
      GwmpTargets.Target target, List<Eui64> euis, List<byte[]> datagrams) throws IOException {
    List<GwmpLoad.Client> clients = new ArrayList<>();
    for (int g = 0; g < euis.size(); g++) {
      clients.add(new GwmpLoad.Client(target, euis.get(g), datagrams.get(g)));
    }
    return clients;
  }

  static GwmpLoad.RunResult finish(
      List<GwmpLoad.Client> clients,
      List<Throwable> failures,
      String offered,
      Settings settings,
      GwmpLoad.CpuSampler cpu)
      throws InterruptedException {
    GwmpLoad.RunResult result =
        new GwmpLoad.RunResult(offered, settings.measured().toNanos() / 1e9);
    cpu.join();
    result.serverThreadCpu = cpu.serverThreadNanos / (double) settings.measured().toNanos();
    result.processCpu = cpu.processNanos / (double) settings.measured().toNanos();
    result.serverThreadNanos = cpu.serverThreadNanos;
    result.serverThreadBytes = cpu.serverThreadBytes;
    result.gcMillis = cpu.gcMillis;
    result.gcCount = cpu.gcCount;
    for (GwmpLoad.Client c : clients) {
      c.abandonOutstanding(settings.warmup().toNanos() + 1);
      c.close();
      result.add(c);
    }
    if (!failures.isEmpty()) {
      IllegalStateException e = new IllegalStateException("a client failed");
      failures.forEach(e::addSuppressed);
      throw e;
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // in-process

  /** {@link GatewayServer#onDatagram} on this thread with a sender that only counts, ops/s. */
  static double handlerOnly(List<Eui64> euis, List<byte[]> datagrams, Settings settings) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      LongAdder replies = new LongAdder();
      GatewayServer server =
          new GatewayServer(
              new GatewayRegistry(Clock.systemUTC(), GatewayRegistry.DEFAULT_OFFLINE_AFTER),
              (d, to) -> replies.increment(),
              UplinkListener.ignoring(),
              timer,
              Duration.ofSeconds(1));
      InetSocketAddress from = new InetSocketAddress(LOOPBACK, 1700);
      byte[][] copies = datagrams.stream().map(byte[]::clone).toArray(byte[][]::new);
      double rate =
          timeLoop(
              settings,
              i -> {
                byte[] d = copies[(int) (i % copies.length)];
                d[1] = (byte) (i >>> 8);
                d[2] = (byte) i;
                // the transport hands the handler a fresh copy of every datagram
                server.onDatagram(Arrays.copyOf(d, d.length), from);
              });
      if (replies.sum() == 0 || server.malformedCounts().values().stream().anyMatch(n -> n > 0)) {
        throw new IllegalStateException("in-process handler loop did not acknowledge its input");
      }
      return rate;
    } finally {
      timer.shutdownNow();
    }
  }

  /** {@link GwmpCodec#decode} on this thread, ops/s. */
  static double decodeOnly(List<byte[]> datagrams, Settings settings) {
    byte[] d = datagrams.get(0);
    long[] sink = {0};
    double rate =
        timeLoop(
            settings,
            i -> {
              try {
                sink[0] += GwmpCodec.decode(d).token().wireBits() + 1;
              } catch (MalformedDatagramException e) {
                throw new IllegalStateException("the benchmark datagram does not decode", e);
              }
            });
    if (sink[0] == 0) {
      throw new IllegalStateException("decode loop did nothing");
    }
    return rate;
  }

  /** Runs {@code body} for the warmup, then counts calls for the measured time (at most 5 s). */
  static double timeLoop(Settings settings, LongConsumer body) {
    long measureNanos = Math.min(settings.measured().toNanos(), Duration.ofSeconds(5).toNanos());
    long warmupNanos = Math.max(Duration.ofSeconds(1).toNanos(), settings.warmup().toNanos());
    long i = 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < warmupNanos) {
      for (int k = 0; k < 256; k++) {
        body.accept(i++);
      }
    }
    long calls = 0;
    start = System.nanoTime();
    long elapsed;
    do {
      for (int k = 0; k < 256; k++) {
        body.accept(i++);
      }
      calls += 256;
      elapsed = System.nanoTime() - start;
    } while (elapsed < measureNanos);
    return calls / (elapsed / 1e9);
  }
}
