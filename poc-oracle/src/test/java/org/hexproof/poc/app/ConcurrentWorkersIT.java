package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.poc.audit.VerdictSeals;
import org.hexproof.poc.ingest.ReportIngest;
import org.hexproof.poc.verify.RegionPlans;
import org.hexproof.poc.verify.RuleProfiles;
import org.hexproof.poc.worker.DensityCache;
import org.hexproof.poc.worker.PocWorker;
import org.hexproof.poc.worker.WorkerListener;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two worker instances on one database, run concurrently, verify every beacon exactly once; running
 * again changes nothing; unverifiable reports are closed as stale.
 */
@MicronautTest(environments = "oracle")
// a free port: 8080 (application-oracle.yml) may be taken on the machine running the tests
@Property(name = "micronaut.server.port", value = "-1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "hexproof.test.clock", value = "manual")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/workers/oracle.key")
class ConcurrentWorkersIT {
  private static final int BEACONS = 40;

  @Inject ApplicationContext context;
  @Inject ManualClock clock;
  @Inject ReportIngest ingest;
  @Inject PocDatabase db;
  @Inject DensityCache density;
  @Inject RuleProfiles profiles;
  @Inject VerdictSeals seals;

  @Test
  @Order(1)
  void two_workers_never_verify_a_beacon_twice() throws Exception {
    OpenBeacons.seed(context, BEACONS, 40, 4);

    PocWorker first = worker();
    PocWorker second = worker();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<PocWorker.RunSummary> a =
          pool.submit(
              () -> {
                start.await();
                return first.runOnce();
              });
      Future<PocWorker.RunSummary> b =
          pool.submit(
              () -> {
                start.await();
                return second.runOnce();
              });
      start.countDown();
      int verified = a.get().verified() + b.get().verified();
      assertThat(verified).isEqualTo(BEACONS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(count("SELECT count(*) AS n FROM poc.verdict WHERE kind = 'beacon'"))
        .isEqualTo(BEACONS);
    assertThat(count("SELECT count(*) AS n FROM poc.verdict WHERE kind = 'witness'"))
        .isEqualTo(BEACONS);
    assertThat(count("SELECT count(*) AS n FROM poc.feed")).isEqualTo(BEACONS);
    assertThat(count("SELECT count(DISTINCT beacon_report_id) AS n FROM poc.feed"))
        .isEqualTo(BEACONS);
    assertThat(count("SELECT count(*) AS n FROM poc.beacon_report WHERE NOT closed")).isZero();

    assertThat(first.runOnce().verified()).isZero();
    assertThat(second.runOnce().verified()).isZero();
    assertThat(count("SELECT count(*) AS n FROM poc.verdict")).isEqualTo(2L * BEACONS);
  }

  @Test
  @Order(2)
  void closes_reports_that_cannot_be_verified_as_stale() {
    Ed25519KeyPair key = Hotspots.key(40);
    EntropyReport unknown =
        EntropyReport.newBuilder()
            .setData(com.google.protobuf.ByteString.copyFrom(new byte[32]))
            .setTimestampS(clock.instant().getEpochSecond())
            .build();
    BeaconReport orphanBeacon = Hotspots.beacon(key, unknown, 99);
    String beaconId = ingest.beacon(orphanBeacon.toByteArray(), clock.instant()).reportId();
    String witnessId =
        ingest
            .witness(
                Hotspots.witness(Hotspots.key(41), orphanBeacon).toByteArray(), clock.instant())
            .reportId();
    PocWorker worker = worker();

    clock.advance(Duration.ofMinutes(44));
    assertThat(worker.runOnce()).isEqualTo(new PocWorker.RunSummary(0, 0, 0, 0));
    clock.advance(Duration.ofMinutes(2));
    assertThat(worker.runOnce()).isEqualTo(new PocWorker.RunSummary(0, 0, 1, 1));

    for (String id : List.of(beaconId, witnessId)) {
      assertThat(
              db.sql()
                  .queryOne(
                      "SELECT reason FROM poc.verdict WHERE report_id = $1",
                      row -> row.get("reason", String.class),
                      id))
          .contains("stale");
    }
    assertThat(worker.runOnce()).isEqualTo(new PocWorker.RunSummary(0, 0, 0, 0));
  }

  private PocWorker worker() {
    return new PocWorker(
        db.sql(),
        clock,
        profiles,
        RegionPlans.BUILT_IN,
        density,
        new PocWorker.Settings(3, Duration.ofMinutes(45), Duration.ofMinutes(7)),
        seals,
        WorkerListener.NONE);
  }

  private long count(String query) {
    Sql sql = db.sql();
    return sql.queryOne(query, row -> row.get("n", Long.class)).orElseThrow();
  }
}
