package org.hexproof.fieldtests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle killed with SIGKILL at seeded random moments while hotspot outboxes stream signed
 * beacon and witness reports into it, and started again each time on the same database: afterwards
 * every report a hotspot saw acknowledged is stored exactly once, nothing appended is lost or
 * parked, and every beacon has exactly one verdict once the verifier has caught up.
 *
 * <p>CI runs a short version; {@code -Dhexproof.reliability.reports=50000
 * -Dhexproof.reliability.kills=8 -Dhexproof.reliability.hotspots=100} is the long one
 * (RELIABILITY.md). {@code -Dhexproof.reliability.seed=N} draws other kill moments.
 */
@Tag("fleet")
class OracleCrashIT {
  private static final Duration DRAIN_BUDGET = Duration.ofMinutes(15);

  @Test
  void killed_oracle_loses_no_acknowledged_report_and_judges_each_beacon_once(@TempDir Path dir)
      throws Exception {
    long seed = Long.getLong("hexproof.reliability.seed", 20261125L);
    int target = Integer.getInteger("hexproof.reliability.reports", 2_000);
    int kills = Integer.getInteger("hexproof.reliability.kills", 2);
    int hotspots = Integer.getInteger("hexproof.reliability.hotspots", 30);
    ServiceMain.quietLogs(ch.qos.logback.classic.Level.WARN);
    SplittableRandom random = new SplittableRandom(seed);
    Path logs = Files.createDirectories(Path.of("target", "reliability"));
    long started = System.nanoTime();
    try (PostgresServer postgres = PostgresServer.start(dir.resolve("pg"));
        ServiceProcess oracle =
            new ServiceProcess(
                "oracle-crash",
                "oracle",
                ServiceProcess.freePort(),
                Map.of(
                    "hexproof.database.url",
                    postgres.urlText(),
                    "hexproof.oracle.key-file",
                    dir.resolve("oracle.key").toString(),
                    "hexproof.oracle.entropy-interval",
                    "5s",
                    "hexproof.oracle.verifier-poll-interval",
                    "2s"),
                logs);
        StreamingFleet fleet = new StreamingFleet(hotspots, seed, oracle.uri("/"), dir)) {
      oracle.start();
      fleet.onboard();
      fleet.startSenders();
      ExecutorService producer = Executors.newSingleThreadExecutor();
      Future<Integer> produced = producer.submit(() -> produce(fleet, target, hotspots * 4));
      List<String> killLog = new ArrayList<>();
      // the kill moments: seeded, spread uniformly over 5–95 % of the stream
      int[] killAt = random.ints(kills, target / 20, target * 19 / 20).sorted().toArray();
      for (int k = 0; k < kills; k++) {
        while (fleet.acknowledged().size() < killAt[k]
            && !(produced.isDone() && fleet.depth() == 0)) {
          ServiceProcess.sleep(20);
        }
        ServiceProcess.sleep(random.nextInt(300));
        int acked = fleet.acknowledged().size();
        int depth = fleet.depth();
        oracle.kill();
        killLog.add(
            String.format(
                "kill %d: %d of %d acknowledged, %d queued", k + 1, acked, target, depth));
        ServiceProcess.sleep(random.nextInt(1_000));
        oracle.start();
      }
      int appended = produced.get();
      producer.shutdown();
      long drainDeadline = System.nanoTime() + DRAIN_BUDGET.toNanos();
      while (fleet.depth() > 0 && System.nanoTime() < drainDeadline) {
        ServiceProcess.sleep(100);
      }
      long streamNanos = System.nanoTime() - started;

      // the verifier catches up: the oracle once more, its clock past every entropy window
      oracle.kill();
      oracle.start(Map.of(ServiceMain.CLOCK_OFFSET, "PT10M"));
      Sql sql = postgres.sql();
      long verifyDeadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (count(sql, "SELECT count(*) FROM poc.beacon_report WHERE NOT closed") > 0
          && System.nanoTime() < verifyDeadline) {
        ServiceProcess.sleep(500);
      }

      Set<String> ids = fleet.appended();
      Map<String, Integer> acks = fleet.acknowledged();
      System.out.printf(
          "oracle crash: %d hotspots, %d reports (%d beacons), %d kills, %d starts, stream %.1f s,"
              + " %d deliveries whose answer a kill cut off (resent, stored once)%n  %s%n",
          hotspots,
          appended,
          fleet.beacons(),
          kills,
          oracle.starts(),
          streamNanos / 1e9,
          fleet.answersLost(),
          String.join("\n  ", killLog));
      assertThat(appended).isGreaterThanOrEqualTo(target);
      assertThat(ids).hasSize(appended);
      assertThat(fleet.depth()).as("reports still queued").isZero();
      assertThat(fleet.parked()).as("reports rejected by the oracle").isZero();
      assertThat(acks.keySet()).as("acknowledged reports").isEqualTo(ids);
      assertThat(acks.values()).as("acknowledgements per report").containsOnly(1);

      List<String> stored = new ArrayList<>();
      stored.addAll(
          sql.query("SELECT report_id FROM poc.beacon_report", r -> r.get(0, String.class)));
      stored.addAll(
          sql.query("SELECT report_id FROM poc.witness_report", r -> r.get(0, String.class)));
      assertThat(stored).as("stored reports").hasSize(appended);
      assertThat(new HashSet<>(stored)).isEqualTo(ids);

      assertThat(count(sql, "SELECT count(*) FROM poc.beacon_report")).isEqualTo(fleet.beacons());
      assertThat(count(sql, "SELECT count(*) FROM poc.beacon_report WHERE NOT closed"))
          .as("beacons left without verdict")
          .isZero();
      assertThat(
              count(
                  sql,
                  "SELECT count(*) FROM poc.beacon_report b WHERE (SELECT count(*) FROM"
                      + " poc.verdict v WHERE v.report_id = b.report_id AND v.kind = 'beacon')"
                      + " <> 1"))
          .as("beacons without exactly one verdict")
          .isZero();
      assertThat(count(sql, "SELECT count(*) FROM poc.verdict WHERE kind = 'beacon'"))
          .isEqualTo(fleet.beacons());
      assertThat(killLog).hasSize(kills);
    }
  }

  /** Appends rounds while the outboxes hold less than two rounds, until {@code target}. */
  private static int produce(StreamingFleet fleet, int target, int roundSize) {
    int appended = 0;
    while (appended < target) {
      if (fleet.depth() < 2 * roundSize) {
        appended += fleet.appendRound();
      } else {
        ServiceProcess.sleep(10);
      }
    }
    return appended;
  }

  static long count(Sql sql, String query) {
    return sql.queryOne(query, r -> r.get(0, Long.class)).orElseThrow();
  }
}
