package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.Region;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.ingest.ReportIngest;
import org.hexproof.poc.registry.HotspotRegistry;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Open beacons for the verifier of an oracle that is then interrupted (database outage, stop): two
 * placed hotspots beaconing in turn, each beacon witnessed once by the other, and the check that a
 * fresh oracle has then judged every one of them exactly once.
 */
final class OpenBeacons {
  private OpenBeacons() {}

  /** {@link #seed(ApplicationContext, int, int, int)} with two hotspots. */
  static Instant seed(ApplicationContext context, int beacons, int firstKey) {
    return seed(context, beacons, firstKey, 2);
  }

  /**
   * Stores {@code beacons} beacons through the context's beans: hotspots {@code key(firstKey)} to
   * {@code key(firstKey + hotspots - 1)} are onboarded, the first two placed 28 cells apart, and
   * beacon in turn, each beacon witnessed once by the next hotspot.
   *
   * @return when every beacon's entropy window has closed: the verifier claims them all then
   */
  static Instant seed(ApplicationContext context, int beacons, int firstKey, int hotspots) {
    ManualClock clock = context.getBean(ManualClock.class);
    HotspotRegistry registry = context.getBean(HotspotRegistry.class);
    ReportIngest ingest = context.getBean(ReportIngest.class);
    List<Ed25519KeyPair> keys = new ArrayList<>();
    for (int i = 0; i < hotspots; i++) {
      keys.add(Hotspots.key(firstKey + i));
      registry.onboard(Hotspots.onboarding(keys.get(i)), clock.instant());
    }
    registry.assertLocation(
        keys.get(0).publicKey().toBase58(),
        Hotspots.location(keys.get(0), Hotspots.BEACONER_CELL, Region.EU868, 1),
        clock.instant());
    registry.assertLocation(
        keys.get(1).publicKey().toBase58(),
        Hotspots.location(keys.get(1), Hotspots.WITNESS_CELL, Region.EU868, 1),
        clock.instant());
    EntropyReport served = context.getBean(EntropyService.class).tick();
    for (int i = 0; i < beacons; i++) {
      clock.advance(Duration.ofMillis(100));
      BeaconReport beacon = Hotspots.beacon(keys.get(i % hotspots), served, i);
      ingest.beacon(beacon.toByteArray(), clock.instant());
      ingest.witness(
          Hotspots.witness(keys.get((i + 1) % hotspots), beacon).toByteArray(), clock.instant());
    }
    return clock.advance(Duration.ofSeconds(200));
  }

  /** Every one of the {@code beacons} beacons and its witness has one verdict, none stale. */
  static void assertEachJudgedOnce(Sql sql, int beacons) {
    int reports = 2 * beacons;
    assertThat(count(sql, "SELECT count(*) AS n FROM poc.verdict")).isEqualTo(reports);
    assertThat(count(sql, "SELECT count(DISTINCT report_id) AS n FROM poc.verdict"))
        .isEqualTo(reports);
    assertThat(count(sql, "SELECT count(*) AS n FROM poc.feed")).isEqualTo(beacons);
    assertThat(
            count(
                sql,
                "SELECT count(*) AS n FROM poc.verdict WHERE verdict = 'invalid'"
                    + " AND reason = 'stale'"))
        .isZero();
    assertThat(open(sql)).isZero();
  }

  /** Beacons without their verdict. */
  static long open(Sql sql) {
    return count(sql, "SELECT count(*) AS n FROM poc.beacon_report WHERE NOT closed");
  }

  static long count(Sql sql, String query) {
    return sql.queryOne(query, row -> Rows.required(row, "n", Long.class)).orElseThrow();
  }
}
