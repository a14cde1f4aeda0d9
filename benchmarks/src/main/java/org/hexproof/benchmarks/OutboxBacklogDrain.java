package org.hexproof.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.hexproof.bridge.daemon.OracleSink;
import org.hexproof.bridge.daemon.Reports;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.oracle.OracleOutcome;
import org.hexproof.bridge.outbox.Backoff;
import org.hexproof.bridge.outbox.BatchDelivery;
import org.hexproof.bridge.outbox.Batching;
import org.hexproof.bridge.outbox.Delivery;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.OutboxRecord;
import org.hexproof.bridge.outbox.ReportKind;
import org.hexproof.bridge.outbox.ReportSink;
import org.hexproof.bridge.outbox.Sender;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.DataRate;

/**
 * A hotspot back from an outage drains a backlog of witness reports from its durable outbox into a
 * real oracle ({@link OracleProcess}: its own JVM, embedded PostgreSQL), once one report per
 * request (batch size 1, what the sender did before batches) and once in batch requests; the two
 * alternate over several rounds, each on a fresh outbox with reports never sent before.
 *
 * <p>Printed per mode: the median drain time over the rounds (outbox acknowledgements included) and
 * the HTTP requests it took, beside the floor of the same run: the oracle must verify one Ed25519
 * signature per report, so a backlog of N cannot be stored faster than N divided by BouncyCastle's
 * single-thread verify rate measured here (ratio = floor / measured).
 */
public final class OutboxBacklogDrain {
  private OutboxBacklogDrain() {}

  /** A sink that counts the requests it makes. */
  private static final class CountingSink implements ReportSink {
    private final ReportSink oracle;
    int requests;

    CountingSink(ReportSink oracle) {
      this.oracle = oracle;
    }

    @Override
    public Delivery deliver(OutboxRecord record) {
      requests++;
      return oracle.deliver(record);
    }

    @Override
    public BatchDelivery deliverAll(List<OutboxRecord> records) {
      requests++;
      return oracle.deliverAll(records);
    }
  }

  private record Drain(Duration time, int requests) {}

  /**
   * Runs it. System properties: {@code bench.outbox.reports} (1000), {@code bench.outbox.batch}
   * ({@link Batching#DEFAULT_RECORDS}), {@code bench.outbox.rounds} (5, after one warm-up round).
   *
   * @param args ignored
   * @throws Exception when the oracle misbehaves (a report not delivered at once)
   */
  public static void main(String[] args) throws Exception {
    int reports = Integer.getInteger("bench.outbox.reports", 1000);
    int batch = Integer.getInteger("bench.outbox.batch", Batching.DEFAULT_RECORDS);
    int rounds = Integer.getInteger("bench.outbox.rounds", 5);
    System.out.println("load average at start: " + LoadAverage.proc());
    double verifiesPerSecond = new Ed25519Ceiling(7).verifiesPerSecond(1, 2_000);
    Path dir = Files.createTempDirectory("outbox-bench");
    SecureRandom random = new SecureRandom();
    List<Drain> single = new ArrayList<>();
    List<Drain> batched = new ArrayList<>();
    try (OracleProcess oracle = OracleProcess.start(dir.resolve("oracle"))) {
      OracleClient client = OracleClient.create(oracle.base(), Optional.empty());
      Ed25519KeyPair hotspot = Ed25519KeyPair.generate(Network.MAINNET, random);
      OracleOutcome onboarded =
          client.onboard(
              Reports.onboarding(hotspot, hotspot.publicKey(), Instant.now()).toByteArray());
      if (!(onboarded instanceof OracleOutcome.Accepted)) {
        throw new IllegalStateException("onboarding: " + onboarded);
      }
      for (int round = 0; round <= rounds; round++) {
        Drain one = drain(dir.resolve("single-" + round), client, hotspot, reports, 1, random);
        Drain many = drain(dir.resolve("batch-" + round), client, hotspot, reports, batch, random);
        if (round > 0) { // round 0 warms up the JIT of both paths
          single.add(one);
          batched.add(many);
        }
      }
    }
    double floorSeconds = reports / verifiesPerSecond;
    System.out.printf(
        Locale.ROOT,
        "backlog of %d witness reports, %d rounds, Ed25519 verify %.0f/s on 1 thread:"
            + " floor %.1f ms%n",
        reports,
        rounds,
        verifiesPerSecond,
        floorSeconds * 1e3);
    print("one per request (batch 1)", single, reports, floorSeconds);
    print("batches of " + batch, batched, reports, floorSeconds);
    System.out.printf(
        Locale.ROOT, "speed-up: %.1fx%n", seconds(median(single)) / seconds(median(batched)));
    System.out.println("load average at end: " + LoadAverage.proc());
  }

  private static Drain drain(
      Path dir,
      OracleClient client,
      Ed25519KeyPair hotspot,
      int reports,
      int batch,
      SecureRandom random) {
    CountingSink sink = new CountingSink(new OracleSink(client));
    try (Outbox outbox = Outbox.open(dir, Clock.systemUTC())) {
      Instant made = Instant.now();
      for (int i = 0; i < reports; i++) {
        byte[] data = new byte[51];
        random.nextBytes(data);
        outbox.append(
            ReportKind.WITNESS,
            Reports.witness(
                    hotspot, data, -1080, 35, 867_100_000L, DataRate.SF12BW125, made.plusMillis(i))
                .toByteArray());
      }
      Sender sender =
          new Sender(
              outbox, sink, Backoff.defaults(), Clock.systemUTC(), new Random(1), null, batch);
      long start = System.nanoTime();
      while (outbox.depth() > 0) {
        Duration wait = sender.step();
        if (!wait.isZero()) {
          throw new IllegalStateException("not delivered at once: " + sender.lastError());
        }
      }
      Duration time = Duration.ofNanos(System.nanoTime() - start);
      if (!outbox.parked().isEmpty()) {
        throw new IllegalStateException("refused: " + outbox.parked());
      }
      return new Drain(time, sink.requests);
    }
  }

  private static void print(String mode, List<Drain> drains, int reports, double floorSeconds) {
    Drain median = median(drains);
    System.out.printf(
        Locale.ROOT,
        "%-28s median %8.1f ms (rounds %s), %4d HTTP requests, %6.0f reports/s,"
            + " floor/measured %.3f%n",
        mode,
        seconds(median) * 1e3,
        drains.stream().map(d -> String.format(Locale.ROOT, "%.0f", seconds(d) * 1e3)).toList(),
        median.requests(),
        reports / seconds(median),
        floorSeconds / seconds(median));
  }

  private static Drain median(List<Drain> drains) {
    List<Drain> sorted = drains.stream().sorted((a, b) -> a.time().compareTo(b.time())).toList();
    return sorted.get(sorted.size() / 2);
  }

  private static double seconds(Drain drain) {
    return drain.time().toNanos() / 1e9;
  }
}
