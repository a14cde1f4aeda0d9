package org.hexproof.benchmarks;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.close.CloseOutcome;
import org.hexproof.rewards.close.CloseSettings;
import org.hexproof.rewards.close.CloseStep;
import org.hexproof.rewards.close.EpochCloser;
import org.hexproof.rewards.close.EpochLeaves;
import org.hexproof.rewards.ledger.MerkleTree;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.payout.EmissionSchedule;
import org.hexproof.rewards.store.EpochShares;
import org.hexproof.rewards.store.FeedStore;
import org.hexproof.support.db.ConnectionPools;
import org.hexproof.support.db.DatabaseUrl;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.Migrations;
import org.hexproof.support.db.Sql;
import reactor.core.publisher.Mono;

/**
 * Closes one epoch of {@code bench.close.hotspots} hotspots (default 1,000,000) with seeded
 * synthetic shares through the real {@link EpochCloser} (compute, sign, one transaction with the
 * ledger entry, leaves, per-hotspot shares, wallet balances and marker) on the embedded PostgreSQL,
 * and, in the same run and database, PostgreSQL's own {@code COPY … FROM STDIN} of as many
 * leaf-sized rows into a copy of {@code ledger_leaves} (primary key included) through
 * r2dbc-postgresql's copyIn API: the floor for getting that many rows into that server. Prints
 * both, their ratio, a split of the close, and machine facts. A plain main class, not JMH. The
 * synthetic data is {@link EpochCloseData}, the printout {@link EpochCloseReport}.
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
    System.out.println("machine: " + EpochCloseReport.machine());
    System.out.println("load average at start: " + LoadAverage.proc());
    try (EmbeddedDatabase server = EmbeddedDatabase.start(Optional.empty())) {
      if (warmup > 0) {
        EpochCloseReport w = run(server, "bench_warmup", warmup, seed + 1);
        System.out.printf(
            "warm-up: close %,d hotspots %.3f s, COPY %.3f s%n",
            warmup, w.closeSeconds(), w.copySeconds());
      }
      EpochCloseReport r = run(server, "bench_close", hotspots, seed);
      System.out.println("load average at end: " + LoadAverage.proc());
      r.print(hotspots);
    }
  }

  private static EpochCloseReport run(EmbeddedDatabase server, String name, int hotspots, long seed)
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
      EpochCloseData.Keys keys = EpochCloseData.Keys.draw(hotspots, random);

      long seedStart = System.nanoTime();
      long seedRows =
          EpochCloseData.copyIn(
              copy,
              "COPY rewards.poc_shares (entry_id, role, hotspot, owner,"
                  + " received_at, shares) FROM STDIN",
              EpochCloseData.shareRows(keys, EPOCH, random),
              TIMEOUT);
      sql.update(
          "UPDATE rewards.feed_cursor SET last_id = $1, watermark = $2 WHERE id = 1",
          (long) hotspots,
          EPOCH.end().plus(HOUR));
      sql.update("ANALYZE");
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

      sql.update("CREATE TABLE bench_copy_leaves (LIKE rewards.ledger_leaves INCLUDING ALL)");
      sql.update("CREATE TABLE bench_copy_leaves_2 (LIKE rewards.ledger_leaves INCLUDING ALL)");
      byte[] leafRows = EpochCloseData.leafRows(keys, random);
      double copySeconds = EpochCloseData.timedCopy(copy, "bench_copy_leaves", leafRows, TIMEOUT);

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

      double copyAfter = EpochCloseData.timedCopy(copy, "bench_copy_leaves_2", leafRows, TIMEOUT);

      // the split: the shares query alone, then the Java work alone
      long q0 = System.nanoTime();
      EpochShares shares = sql.inTransaction(h -> FeedStore.epochShares(h, EPOCH));
      double query = (System.nanoTime() - q0) / 1e9;
      long c0 = System.nanoTime();
      MerkleTree.of(EpochLeaves.compute(shares, EPOCH, settings).leaves()).root();
      double compute = (System.nanoTime() - c0) / 1e9;

      HistoryLookups lookups = HistoryLookups.measure(sql, keys.hotspots(), random);

      return new EpochCloseReport(
          closeSeconds,
          copySeconds,
          copyAfter,
          steps,
          query,
          compute,
          leaves,
          seedRows,
          seedSeconds,
          lookups);
    } finally {
      Mono.from(copy.close()).block();
      pool.dispose();
    }
  }
}
