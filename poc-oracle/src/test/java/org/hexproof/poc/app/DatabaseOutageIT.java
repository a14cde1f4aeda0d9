package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.Region;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.ingest.ReportIngest;
import org.hexproof.poc.registry.HotspotRegistry;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.worker.PocWorker;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * The database goes away while beacons are open: the worker throws and writes nothing (an
 * infrastructure failure is never a verdict). A fresh oracle on the same data directory then
 * verifies every beacon exactly once.
 */
class DatabaseOutageIT {
  private static final int BEACONS = 6;

  @Test
  void worker_throws_during_an_outage_and_verifies_exactly_once_after_restart() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "it-data"));
    Path data = Files.createTempDirectory(dir, "outage-");
    Map<String, Object> properties =
        Map.of(
            "hexproof.test.clock", "manual",
            "hexproof.oracle.scheduling", "false",
            "hexproof.oracle.key-file", data.resolve("oracle.key").toString(),
            "hexproof.database.data-directory", data.resolve("pg").toString(),
            "hexproof.database.acquire-timeout", "2s");
    Instant verifyAt;
    int reports = 0;
    try (ApplicationContext first = ApplicationContext.run(properties, "oracle")) {
      ManualClock clock = first.getBean(ManualClock.class);
      HotspotRegistry registry = first.getBean(HotspotRegistry.class);
      ReportIngest ingest = first.getBean(ReportIngest.class);
      List<Ed25519KeyPair> keys = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Ed25519KeyPair key = Hotspots.key(60 + i);
        keys.add(key);
        registry.onboard(Hotspots.onboarding(key), clock.instant());
      }
      registry.assertLocation(
          keys.get(0).publicKey().toBase58(),
          Hotspots.location(keys.get(0), Hotspots.BEACONER_CELL, Region.EU868, 1),
          clock.instant());
      registry.assertLocation(
          keys.get(1).publicKey().toBase58(),
          Hotspots.location(keys.get(1), Hotspots.WITNESS_CELL, Region.EU868, 1),
          clock.instant());
      EntropyReport served = first.getBean(EntropyService.class).tick();
      for (int i = 0; i < BEACONS; i++) {
        clock.advance(Duration.ofMillis(100));
        Ed25519KeyPair beaconer = keys.get(i % 2);
        BeaconReport beacon = Hotspots.beacon(beaconer, served, i);
        ingest.beacon(beacon.toByteArray(), clock.instant());
        ingest.witness(
            Hotspots.witness(keys.get((i + 1) % 2), beacon).toByteArray(), clock.instant());
        reports += 2;
      }
      verifyAt = clock.advance(Duration.ofSeconds(200));
      assertThat(open(first.getBean(PocDatabase.class).sql())).isEqualTo(BEACONS);

      first.getBean(EmbeddedDatabase.class).close();
      PocWorker worker = first.getBean(PocWorker.class);
      assertThatThrownBy(worker::runOnce).as("database down").isInstanceOf(RuntimeException.class);
      assertThatThrownBy(worker::runOnce).as("still down").isInstanceOf(RuntimeException.class);
    }

    try (ApplicationContext second = ApplicationContext.run(properties, "oracle")) {
      second.getBean(ManualClock.class).set(verifyAt);
      Sql sql = second.getBean(PocDatabase.class).sql();
      assertThat(count(sql, "SELECT count(*) AS n FROM poc.verdict"))
          .as("the outage wrote no verdict")
          .isZero();
      assertThat(open(sql)).isEqualTo(BEACONS);

      PocWorker worker = second.getBean(PocWorker.class);
      assertThat(worker.runOnce().verified()).isEqualTo(BEACONS);
      assertThat(worker.runOnce().verified()).as("a second run finds nothing").isZero();
      assertThat(count(sql, "SELECT count(*) AS n FROM poc.verdict")).isEqualTo(reports);
      assertThat(count(sql, "SELECT count(DISTINCT report_id) AS n FROM poc.verdict"))
          .isEqualTo(reports);
      assertThat(count(sql, "SELECT count(*) AS n FROM poc.feed")).isEqualTo(BEACONS);
      assertThat(
              count(
                  sql,
                  "SELECT count(*) AS n FROM poc.verdict WHERE verdict = 'invalid'"
                      + " AND reason = 'stale'"))
          .isZero();
      assertThat(open(sql)).isZero();
    }
  }

  private static long open(Sql sql) {
    return count(sql, "SELECT count(*) AS n FROM poc.beacon_report WHERE NOT closed");
  }

  private static long count(Sql sql, String query) {
    return sql.queryOne(query, row -> Rows.required(row, "n", Long.class)).orElseThrow();
  }
}
