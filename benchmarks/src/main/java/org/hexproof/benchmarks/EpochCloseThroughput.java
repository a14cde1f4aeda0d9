package org.hexproof.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactory;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyType;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.close.CloseOutcome;
import org.hexproof.rewards.close.CloseSettings;
import org.hexproof.rewards.close.CloseStep;
import org.hexproof.rewards.close.EpochCloser;
import org.hexproof.rewards.ledger.MerkleTree;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.payout.EmissionSchedule;
import org.hexproof.rewards.payout.HotspotShares;
import org.hexproof.rewards.payout.PayoutCalculator;
import org.hexproof.rewards.store.FeedStore;
import org.hexproof.rewards.store.HotspotEpochShares;
import org.hexproof.support.db.ConnectionPools;
import org.hexproof.support.db.DatabaseUrl;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.Migrations;
import org.hexproof.support.db.Sql;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes one epoch of {@code bench.close.hotspots} hotspots (default 1,000,000) with seeded
 * synthetic shares through the real {@link EpochCloser} (compute, sign, one transaction with the
 * ledger entry, leaves, per-hotspot shares, balances and marker) on the embedded PostgreSQL, and,
 * in the same run and database, PostgreSQL's own {@code COPY … FROM STDIN} of as many leaf-sized
 * rows into a copy of {@code ledger_leaves} (primary key included) through r2dbc-postgresql's
 * copyIn API: the floor for getting that many rows into that server. Prints both, their ratio, a
 * split of the close, and machine facts. A plain main class, not JMH.
 */
public final class EpochCloseThroughput {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration TIMEOUT = Duration.ofMinutes(30);
  private static final Epoch EPOCH = Epoch.containing(Instant.parse("2026-03-01T00:00:00Z"), HOUR);

  private EpochCloseThroughput() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code --quick} for 100,000 hotspots
   */
  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    int hotspots = Integer.getInteger("bench.close.hotspots", quick ? 100_000 : 1_000_000);
    int warmup = Integer.getInteger("bench.close.warmupHotspots", 100_000);
    long seed = Long.getLong("bench.close.seed", 20261125L);
    System.out.printf(
        "EpochCloseThroughput: %,d hotspots (seed %d), warm-up close of %,d first%n",
        hotspots, seed, warmup);
    System.out.println("machine: " + machine());
    System.out.println("load average at start: " + loadAverage());
    try (EmbeddedDatabase server = EmbeddedDatabase.start(Optional.empty())) {
      if (warmup > 0) {
        Run w = run(server, "bench_warmup", warmup, seed + 1);
        System.out.printf(
            "warm-up: close %,d hotspots %.3f s, COPY %.3f s%n",
            warmup, w.closeSeconds, w.copySeconds);
      }
      Run r = run(server, "bench_close", hotspots, seed);
      System.out.println("load average at end: " + loadAverage());
      r.print(hotspots);
    }
  }

  private record Run(
      double closeSeconds,
      double copySeconds,
      double copyAfterSeconds,
      Map<CloseStep, Double> steps,
      double queryShares,
      double computeJava,
      long leaves,
      long seedRows,
      double seedSeconds) {

    void print(int hotspots) {
      double copyFloor = Math.min(copySeconds, copyAfterSeconds);
      System.out.println();
      System.out.printf("%-62s %12s%n", "figure", "value");
      System.out.printf(
          "%-62s %10.3f s%n",
          "epoch close, " + String.format("%,d", hotspots) + " hotspots (EpochCloser.closeNext)",
          closeSeconds);
      System.out.printf(
          "%-62s %10.3f s%n",
          "  of which: marker and watermark reads (to BEFORE_COMPUTE)",
          steps.get(CloseStep.BEFORE_COMPUTE));
      System.out.printf(
          "%-62s %10.3f s%n",
          "  of which: compute, sign, all INSERTs (to AFTER_LEDGER_INSERT)",
          steps.get(CloseStep.AFTER_LEDGER_INSERT) - steps.get(CloseStep.BEFORE_COMPUTE));
      System.out.printf(
          "%-62s %10.3f s%n",
          "  of which: marker + COMMIT (to AFTER_COMMIT)",
          steps.get(CloseStep.AFTER_COMMIT) - steps.get(CloseStep.AFTER_LEDGER_INSERT));
      System.out.printf("%-62s %10.3f s%n", "  separately: epochShares query alone", queryShares);
      System.out.printf(
          "%-62s %10.3f s%n",
          "  separately: payout + leaves + Merkle tree in Java alone", computeJava);
      System.out.printf(
          "%-62s %10.3f s%n",
          "COPY FROM STDIN " + String.format("%,d", hotspots) + " leaf rows (before close)",
          copySeconds);
      System.out.printf(
          "%-62s %10.3f s%n",
          "COPY FROM STDIN " + String.format("%,d", hotspots) + " leaf rows (after close)",
          copyAfterSeconds);
      System.out.printf("%-62s %10.0f%n", "close: hotspots per second", hotspots / closeSeconds);
      System.out.printf(
          "%-62s %10.0f%n", "COPY: rows per second (faster run)", hotspots / copyFloor);
      System.out.printf(
          "%-62s %10.2f%n", "ratio close / COPY (faster COPY run)", closeSeconds / copyFloor);
      System.out.printf(
          "targets: close < 30 s: %s; close within 3x of COPY: %s%n",
          closeSeconds < 30 ? "met" : "MISSED", closeSeconds <= 3 * copyFloor ? "met" : "MISSED");
      System.out.printf(
          "check: %,d ledger leaves stored; seed: %,d share rows in %.1f s (not timed)%n",
          leaves, seedRows, seedSeconds);
    }
  }

  private static Run run(EmbeddedDatabase server, String name, int hotspots, long seed)
      throws Exception {
    ConnectionPool admin = ConnectionPools.open(server.url(), 1, Duration.ofSeconds(30));
    try {
      new Sql(admin, TIMEOUT).update("CREATE DATABASE " + name);
    } finally {
      admin.dispose();
    }
    DatabaseUrl base = server.url();
    DatabaseUrl url = new DatabaseUrl(base.host(), base.port(), name, base.user(), null, Map.of());
    ConnectionPool pool = ConnectionPools.open(url, 4, Duration.ofSeconds(30));
    ConnectionFactory direct = new PostgresqlConnectionFactoryProvider().create(url.toOptions());
    PostgresqlConnection copy = (PostgresqlConnection) Mono.from(direct.create()).block();
    try {
      Sql sql = new Sql(pool, TIMEOUT);
      new Migrations(pool, TIMEOUT).apply("rewards");
      SplittableRandom random = new SplittableRandom(seed);
      String[] hotspotKeys = new String[hotspots];
      String[] ownerKeys = new String[Math.max(1, hotspots / 100)];
      for (int i = 0; i < hotspotKeys.length; i++) {
        hotspotKeys[i] = randomKey(random);
      }
      for (int i = 0; i < ownerKeys.length; i++) {
        ownerKeys[i] = randomKey(random);
      }

      long seedStart = System.nanoTime();
      long seedRows =
          copyIn(
              copy,
              "COPY rewards.poc_shares (entry_id, role, hotspot, owner,"
                  + " received_at, shares) FROM STDIN",
              shareRows(hotspotKeys, ownerKeys, random));
      sql.update(
          "UPDATE rewards.feed_cursor SET last_id = $1, watermark = $2 WHERE id = 1",
          (long) hotspots,
          EPOCH.end().plus(HOUR));
      sql.update("ANALYZE");
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

      sql.update("CREATE TABLE bench_copy_leaves (LIKE rewards.ledger_leaves INCLUDING ALL)");
      sql.update("CREATE TABLE bench_copy_leaves_2 (LIKE rewards.ledger_leaves INCLUDING ALL)");
      byte[] leafRows = leafRows(hotspotKeys, ownerKeys, random);
      double copySeconds = timedCopy(copy, "bench_copy_leaves", leafRows);

      Ed25519KeyPair oracle = Ed25519KeyPair.fromSeed(Network.MAINNET, new byte[32]);
      CloseSettings settings =
          new CloseSettings(
              HOUR,
              Duration.ofMinutes(5),
              Optional.of(EPOCH.index()),
              new EmissionSchedule(
                  TokenAmount.of(4_109_589_041_095L),
                  8,
                  Duration.ofDays(730),
                  Instant.parse("2026-01-01T00:00:00Z")),
              BigDecimal.ONE,
              OracleQuorum.single(oracle.publicKey()),
              oracle);
      Map<CloseStep, Double> steps = new EnumMap<>(CloseStep.class);
      long[] t0 = new long[1];
      EpochCloser closer =
          new EpochCloser(
              sql, settings, step -> steps.put(step, (System.nanoTime() - t0[0]) / 1e9));
      t0[0] = System.nanoTime();
      CloseOutcome outcome = closer.closeNext();
      double closeSeconds = (System.nanoTime() - t0[0]) / 1e9;
      if (!(outcome instanceof CloseOutcome.Minted minted)
          || minted.entry().leaves().size() != hotspots) {
        throw new IllegalStateException("the close did not mint every hotspot: " + outcome);
      }
      long leaves =
          sql.queryOne("SELECT count(*) FROM rewards.ledger_leaves", r -> r.get(0, Long.class))
              .orElse(0L);
      if (leaves != hotspots) {
        throw new IllegalStateException("expected " + hotspots + " leaves, got " + leaves);
      }

      double copyAfter = timedCopy(copy, "bench_copy_leaves_2", leafRows);

      // the split: the shares query alone, then the Java work alone
      long q0 = System.nanoTime();
      List<HotspotEpochShares> shares = sql.inTransaction(h -> FeedStore.epochShares(h, EPOCH));
      double query = (System.nanoTime() - q0) / 1e9;
      long c0 = System.nanoTime();
      List<HotspotShares> input = new ArrayList<>(shares.size());
      for (HotspotEpochShares s : shares) {
        input.add(
            new HotspotShares(
                s.hotspot().toBase58(), s.beaconShares(), s.witnessShares(), s.dcTransferred()));
      }
      var payout =
          PayoutCalculator.calculate(
              settings.schedule().emissionFor(EPOCH), 8, BigDecimal.ONE, input);
      List<org.hexproof.rewards.ledger.RewardLeaf> leafList = new ArrayList<>();
      for (int i = 0; i < payout.hotspots().size(); i++) {
        var p = payout.hotspots().get(i);
        HotspotEpochShares s = shares.get(i);
        leafList.add(
            new org.hexproof.rewards.ledger.RewardLeaf(
                PublicKey.fromBase58(p.id()),
                s.owner(),
                p.beacon(),
                p.witness(),
                p.dataTransfer()));
      }
      MerkleTree.of(leafList).root();
      double compute = (System.nanoTime() - c0) / 1e9;

      return new Run(
          closeSeconds,
          copySeconds,
          copyAfter,
          steps,
          query,
          compute,
          leaves,
          seedRows,
          seedSeconds);
    } finally {
      Mono.from(copy.close()).block();
      pool.dispose();
    }
  }

  private static String randomKey(SplittableRandom random) {
    // about half of all 32-byte strings decode to a curve point; PublicKey accepts only those
    byte[] key = new byte[PublicKey.KEY_LENGTH];
    while (true) {
      random.nextBytes(key);
      try {
        return new PublicKey(Network.MAINNET, KeyType.ED25519, key).toBase58();
      } catch (IllegalArgumentException e) {
        // not a point: draw again
      }
    }
  }

  /**
   * One beacon row per hotspot and one witness row (hotspot i witnesses hotspot i + 1's beacon).
   */
  private static byte[] shareRows(String[] hotspots, String[] owners, SplittableRandom random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(hotspots.length * 220);
    for (int i = 0; i < hotspots.length; i++) {
      String owner = owners[i % owners.length];
      String at = EPOCH.start().plusSeconds(i % 3500).plusMillis(i % 1000).toString();
      String beacon = "0." + (1 + random.nextInt(999_999));
      String witness = (1 + random.nextInt(5)) + "." + random.nextInt(1_000_000);
      String row =
          (i + 1)
              + "\tbeacon\t"
              + hotspots[i]
              + "\t"
              + owner
              + "\t"
              + at
              + "\t"
              + beacon
              + "\n"
              + ((i + 1) % hotspots.length + 1)
              + "\twitness\t"
              + hotspots[i]
              + "\t"
              + owner
              + "\t"
              + at
              + "\t"
              + witness
              + "\n";
      out.writeBytes(row.getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /** Rows shaped like ledger_leaves: sequence, hotspot, owner, three amounts. */
  private static byte[] leafRows(String[] hotspots, String[] owners, SplittableRandom random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(hotspots.length * 130);
    for (int i = 0; i < hotspots.length; i++) {
      String row =
          "0\t"
              + hotspots[i]
              + "\t"
              + owners[i % owners.length]
              + "\t"
              + random.nextLong(1L << 40)
              + "\t"
              + random.nextLong(1L << 40)
              + "\t0\n";
      out.writeBytes(row.getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  private static double timedCopy(PostgresqlConnection copy, String table, byte[] rows) {
    long t = System.nanoTime();
    copyIn(copy, "COPY " + table + " FROM STDIN", rows);
    return (System.nanoTime() - t) / 1e9;
  }

  private static long copyIn(PostgresqlConnection connection, String sql, byte[] rows) {
    int chunk = 1 << 16;
    Flux<ByteBuf> chunks =
        Flux.range(0, (rows.length + chunk - 1) / chunk)
            .map(
                i ->
                    Unpooled.wrappedBuffer(
                        rows, i * chunk, Math.min(chunk, rows.length - i * chunk)));
    Long count = connection.copyIn(sql, chunks).block(TIMEOUT);
    return count == null ? 0 : count;
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " available processors, max heap "
        + Runtime.getRuntime().maxMemory() / (1 << 20)
        + " MiB, "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.version")
        + ", "
        + System.getProperty("os.arch")
        + " "
        + System.getProperty("os.name")
        + ", JVM args "
        + ManagementFactory.getRuntimeMXBean().getInputArguments();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
