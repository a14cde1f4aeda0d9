package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.Region;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.ingest.ReportIngest;
import org.hexproof.poc.registry.HotspotRegistry;
import org.hexproof.poc.worker.PocWorker;
import org.junit.jupiter.api.Test;

/**
 * A hotspot's beacons are verified in receive order even when several workers share the database:
 * while another transaction holds its earlier beacon, a worker leaves the later one open, so the
 * earlier one is never judged after it (which would make it {@code irregular_interval}).
 */
@MicronautTest(environments = "oracle")
// a free port: 8080 (application-oracle.yml) may be taken on the machine running the tests
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "hexproof.test.clock", value = "manual")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/claim-order/oracle.key")
class ClaimOrderIT {
  @Inject ManualClock clock;
  @Inject EntropyService entropy;
  @Inject HotspotRegistry registry;
  @Inject ReportIngest ingest;
  @Inject PocDatabase db;
  @Inject PocWorker worker;

  @Test
  void leaves_a_later_beacon_open_while_an_earlier_one_is_held() throws Exception {
    Ed25519KeyPair key = Hotspots.key(71);
    registry.onboard(Hotspots.onboarding(key), clock.instant());
    registry.assertLocation(
        key.publicKey().toBase58(),
        Hotspots.location(key, Hotspots.BEACONER_CELL, Region.EU868, 1),
        clock.instant());
    String first =
        ingest
            .beacon(Hotspots.beacon(key, entropy.tick(), 1).toByteArray(), clock.instant())
            .reportId();
    clock.advance(Duration.ofHours(6));
    String second =
        ingest
            .beacon(Hotspots.beacon(key, entropy.tick(), 2).toByteArray(), clock.instant())
            .reportId();
    clock.advance(Duration.ofMinutes(5));

    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<?> holder =
          other.submit(
              () ->
                  db.sql()
                      .runInTransaction(
                          tx -> {
                            tx.query(
                                "SELECT report_id FROM poc.beacon_report WHERE report_id = $1"
                                    + " FOR UPDATE",
                                row -> row.get("report_id", String.class),
                                first);
                            held.countDown();
                            try {
                              release.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                          }));
      assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(worker.runOnce().verified()).as("the later beacon waits").isZero();
      assertThat(reason(second)).isEqualTo("pending");
      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      other.shutdownNow();
    }

    PocWorker.RunSummary run = worker.runOnce();
    assertThat(run.verified()).isEqualTo(2);
    assertThat(reason(first)).isNotEqualTo("irregular_interval");
    assertThat(reason(second)).isNotEqualTo("irregular_interval");
  }

  private String reason(String reportId) {
    return db.sql()
        .queryOne(
            "SELECT coalesce(v.reason, v.verdict, 'pending') AS r FROM poc.beacon_report b"
                + " LEFT JOIN poc.verdict v ON v.report_id = b.report_id WHERE b.report_id = $1",
            row -> row.get("r", String.class),
            reportId)
        .orElseThrow();
  }
}
