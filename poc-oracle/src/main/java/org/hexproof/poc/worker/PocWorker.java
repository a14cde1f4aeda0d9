package org.hexproof.poc.worker;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hexproof.core.proto.DataRate;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.registry.HotspotRecord;
import org.hexproof.poc.registry.HotspotRegistry;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.verify.BeaconReport;
import org.hexproof.poc.verify.Bytes;
import org.hexproof.poc.verify.HotspotInfo;
import org.hexproof.poc.verify.OracleEntropy;
import org.hexproof.poc.verify.PocInput;
import org.hexproof.poc.verify.PocResult;
import org.hexproof.poc.verify.PocVerifier;
import org.hexproof.poc.verify.RegionPlans;
import org.hexproof.poc.verify.RuleProfile;
import org.hexproof.poc.verify.StateUpdate;
import org.hexproof.poc.verify.UnverifiableBeaconException;
import org.hexproof.poc.verify.WitnessReport;
import org.hexproof.poc.verify.WitnessResult;
import org.hexproof.support.db.DatabaseFailures;
import org.hexproof.support.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier worker (helium/oracles {@code runner.rs} + {@code purger.rs}). {@link #runOnce()}:
 *
 * <ol>
 *   <li>Claims up to {@code batchSize} open beacons whose entropy window has closed (entropy
 *       timestamp + lifespan &lt; now) with {@code FOR UPDATE SKIP LOCKED}, so several workers on
 *       one database never take the same beacon.
 *   <li>Per beacon, inside a savepoint: locks its open witnesses (identical data, or for a {@code
 *       WIFI_2G4} witness the 20-byte SSID prefix of the beacon's data, received within the witness
 *       window of the beacon), reads the registry rows and denied edges, runs {@link PocVerifier},
 *       and writes one verdict per report, the state updates and the closed flags. A failure
 *       (database, {@link UnverifiableBeaconException}) rolls back to the savepoint: the beacon
 *       stays open and is retried next run; no verdict is ever written for it because of an error.
 *   <li>Appends one feed entry per verified beacon under a transaction-scoped advisory lock, so
 *       feed ids become visible in increasing order, and commits.
 *   <li>Closes beacons and witnesses still open {@code staleAfter} after receipt as {@code stale}
 *       (beacons with unknown entropy, orphan witnesses).
 * </ol>
 */
public final class PocWorker {
  private static final Logger LOG = LoggerFactory.getLogger(PocWorker.class);
  private static final int MAX_BATCHES_PER_RUN = 1000;
  private static final int MAX_CONFLICT_RETRIES = 5;

  /** Tuning of the worker. */
  public record Settings(int batchSize, Duration staleAfter, Duration witnessWindow) {}

  /** What one run did. */
  public record RunSummary(int verified, int failed, int staleBeacons, int staleWitnesses) {}

  private final Sql sql;
  private final Clock clock;
  private final RuleProfile profile;
  private final RegionPlans regionPlans;
  private final DensityCache density;
  private final Settings settings;
  private final WorkerListener listener;

  /**
   * @param sql the database
   * @param clock the oracle's clock
   * @param profile the rule constants
   * @param regionPlans region parameters
   * @param density the hex density cache
   * @param settings batch size and windows
   * @param listener metrics
   */
  public PocWorker(
      Sql sql,
      Clock clock,
      RuleProfile profile,
      RegionPlans regionPlans,
      DensityCache density,
      Settings settings,
      WorkerListener listener) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.regionPlans = Objects.requireNonNull(regionPlans, "regionPlans");
    this.density = Objects.requireNonNull(density, "density");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Verifies every ready beacon, then closes stale reports.
   *
   * @return counts
   * @throws io.r2dbc.spi.R2dbcException when the database fails; nothing of the failed batch is
   *     kept
   */
  public RunSummary runOnce() {
    Instant now = clock.instant();
    int verified = 0;
    int failed = 0;
    for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      Batch batch = verifyBatchRetryingConflicts(now);
      verified += batch.verified;
      failed += batch.failed;
      if (batch.claimed < settings.batchSize() || batch.failed > 0) {
        break;
      }
    }
    int staleBeacons = closeStale(now, "beacon_report", "beacon");
    int staleWitnesses = closeStale(now, "witness_report", "witness");
    listener.openBeacons(
        sql.queryOne(
                "SELECT count(*) AS n FROM poc.beacon_report WHERE NOT closed",
                row -> Rows.required(row, "n", Long.class))
            .orElse(0L));
    return new RunSummary(verified, failed, staleBeacons, staleWitnesses);
  }

  private static final class Batch {
    int claimed;
    int verified;
    int failed;
    boolean reciprocityChanged;
    final List<Written> written = new ArrayList<>();
  }

  /** What one verified beacon wrote, for the feed and the metrics. */
  private record Written(
      String beaconId,
      FeedEntries.Beacon beacon,
      List<FeedEntries.Witness> witnesses,
      PocResult result,
      int extraSelfWitnesses,
      Duration took) {}

  /**
   * Workers that verify PoCs sharing hotspots update the same hotspot rows in different orders, so
   * PostgreSQL may abort one of them with a deadlock (40P01) or serialization failure (40001). The
   * whole batch then rolled back, nothing of it is kept, so it is simply run again.
   */
  private Batch verifyBatchRetryingConflicts(Instant now) {
    for (int attempt = 1; ; attempt++) {
      try {
        return verifyBatch(now);
      } catch (R2dbcException e) {
        if (attempt >= MAX_CONFLICT_RETRIES || !isLockConflict(e)) {
          throw e;
        }
        LOG.debug("batch rolled back by a lock conflict ({}), retrying", e.getSqlState());
        try {
          Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 50));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static boolean isLockConflict(R2dbcException e) {
    return "40P01".equals(e.getSqlState()) || "40001".equals(e.getSqlState());
  }

  private Batch verifyBatch(Instant now) {
    Batch batch = new Batch();
    sql.runInTransaction(
        tx -> {
          List<ClaimedBeacon> claimed =
              tx.query(
                  "SELECT b.report_id, b.hotspot_key, b.received_at, b.local_entropy,"
                      + " b.remote_entropy, b.data, b.frequency_hz, b.datarate, b.tx_power_dbm,"
                      + " e.data AS entropy_data, e.timestamp_s, e.version"
                      + " FROM poc.beacon_report b JOIN poc.entropy e ON e.data = b.remote_entropy"
                      + " WHERE NOT b.closed AND e.timestamp_s + $1 < $2"
                      + " ORDER BY b.received_at, b.report_id LIMIT $3"
                      + " FOR UPDATE OF b SKIP LOCKED",
                  PocWorker::claimedBeacon,
                  profile.entropyLifespan().getSeconds(),
                  now.getEpochSecond(),
                  settings.batchSize());
          batch.claimed = claimed.size();
          PocVerifier verifier = new PocVerifier(regionPlans, density.current(now));
          for (ClaimedBeacon beacon : claimed) {
            tx.update("SAVEPOINT poc_beacon");
            long started = System.nanoTime();
            try {
              Written written = verifyOne(tx, verifier, beacon, now, started);
              tx.update("RELEASE SAVEPOINT poc_beacon");
              batch.written.add(written);
              batch.verified++;
              batch.reciprocityChanged |=
                  written.result().stateUpdates().stream()
                      .anyMatch(u -> u.field() == StateUpdate.Field.LAST_BEACON_RECIPROCITY);
            } catch (UnverifiableBeaconException | R2dbcException e) {
              if (e instanceof R2dbcException db
                  && (DatabaseFailures.isUnavailable(db) || isLockConflict(db))) {
                throw e;
              }
              tx.update("ROLLBACK TO SAVEPOINT poc_beacon");
              batch.failed++;
              listener.failed(e);
              LOG.warn("beacon {} not verified, will retry: {}", beacon.reportId(), e.toString());
            }
          }
          appendFeed(tx, batch.written, now);
        });
    if (batch.reciprocityChanged) {
      density.invalidate();
    }
    for (Written w : batch.written) {
      listener.verified(w.took());
      listener.verdict("beacon", w.result().beacon());
      w.result().witnesses().forEach(r -> listener.verdict("witness", r.verdict()));
      for (int i = 0; i < w.extraSelfWitnesses(); i++) {
        listener.verdict("witness", VerdictRows.SELF_WITNESS);
      }
    }
    return batch;
  }

  private Written verifyOne(
      Sql.Handle tx, PocVerifier verifier, ClaimedBeacon beacon, Instant now, long started) {
    List<ClaimedWitness> witnesses =
        tx.query(
            "SELECT report_id, hotspot_key, received_at, data, signal_ddbm, snr_ddb,"
                + " frequency_hz, datarate FROM poc.witness_report"
                + " WHERE (data = $1 OR (datarate = 'WIFI_2G4' AND length(data) = $4"
                + " AND data = substring($1 FROM 1 FOR $4)))"
                + " AND NOT closed AND received_at BETWEEN $2 AND $3"
                + " ORDER BY received_at, report_id FOR UPDATE SKIP LOCKED",
            PocWorker::claimedWitness,
            beacon.report().data().toArray(),
            Rows.bind(beacon.receivedAt().minus(settings.witnessWindow())),
            Rows.bind(beacon.receivedAt().plus(settings.witnessWindow())),
            WitnessReport.WIFI_SSID_PREFIX_BYTES);
    Set<String> keys = new LinkedHashSet<>();
    keys.add(beacon.report().hotspotId());
    witnesses.forEach(w -> keys.add(w.report().hotspotId()));
    Map<String, HotspotRecord> records = new HashMap<>();
    HotspotRegistry.findAll(tx, keys).forEach(r -> records.put(r.hotspot(), r));
    Map<String, HotspotInfo> infos = new HashMap<>();
    records.values().forEach(r -> infos.put(r.hotspot(), VerdictRows.info(r)));

    PocInput input =
        new PocInput(
            beacon.entropy(),
            beacon.report(),
            witnesses.stream().map(ClaimedWitness::report).toList(),
            infos,
            Set.copyOf(HotspotRegistry.deniedEdgesOf(tx, beacon.report().hotspotId())));
    PocResult result = verifier.verify(profile, input);

    Map<WitnessReport, String> ids = new IdentityHashMap<>();
    witnesses.forEach(w -> ids.put(w.report(), w.reportId()));
    VerdictRows rows = new VerdictRows(tx, beacon.reportId(), now);
    rows.beacon(result);
    List<FeedEntries.Witness> feedWitnesses = new ArrayList<>();
    HotspotRecord beaconer = records.get(beacon.report().hotspotId());
    for (WitnessResult w : result.witnesses()) {
      String id = ids.remove(w.report());
      BigDecimal unit = w.selected() ? result.rewardUnits().perWitness() : BigDecimal.ZERO;
      rows.witness(id, w.verdict(), w.selected(), unit);
      feedWitnesses.add(VerdictRows.feedWitness(id, w, beaconer, records, unit));
    }
    // self-witnesses of a valid PoC are dropped from the result and every output; they still get
    // their verdict so that each report has exactly one
    ids.values().forEach(rows::selfWitness);
    rows.stateUpdates(result.stateUpdates());
    tx.update("UPDATE poc.beacon_report SET closed = true WHERE report_id = $1", beacon.reportId());
    if (!witnesses.isEmpty()) {
      tx.update(
          "UPDATE poc.witness_report SET closed = true WHERE report_id = ANY($1)",
          (Object) witnesses.stream().map(ClaimedWitness::reportId).toArray(String[]::new));
    }
    FeedEntries.Beacon feedBeacon = VerdictRows.feedBeacon(beacon, beaconer, result);
    return new Written(
        beacon.reportId(),
        feedBeacon,
        feedWitnesses,
        result,
        ids.size(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private static void appendFeed(Sql.Handle tx, List<Written> written, Instant now) {
    if (written.isEmpty()) {
      return;
    }
    // held to commit: entries become visible in id order, so a reader never skips one
    tx.update("SELECT pg_advisory_xact_lock(hashtext('poc.feed'))");
    for (Written w : written) {
      long id =
          tx.queryOne(
                  "SELECT nextval('poc.feed_id_seq') AS id",
                  row -> Rows.required(row, "id", Long.class))
              .orElseThrow();
      tx.update(
          "INSERT INTO poc.feed (id, beacon_report_id, verified_at, entry) VALUES ($1, $2, $3, $4)",
          id,
          w.beaconId(),
          Rows.bind(now),
          FeedEntries.render(id, now, w.beacon(), w.witnesses()));
      tx.update(
          "UPDATE poc.verdict SET feed_id = $2 WHERE report_id = $1 OR beacon_report_id = $1",
          w.beaconId(),
          id);
    }
  }

  private int closeStale(Instant now, String table, String kind) {
    Instant cutoff = now.minus(settings.staleAfter());
    int total = 0;
    for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      long closed =
          sql.update(
              "WITH s AS (SELECT report_id FROM poc."
                  + table
                  + " WHERE NOT closed AND received_at < $1 ORDER BY received_at LIMIT $2"
                  + " FOR UPDATE SKIP LOCKED),"
                  + " u AS (UPDATE poc."
                  + table
                  + " t SET closed = true FROM s WHERE t.report_id = s.report_id"
                  + " RETURNING t.report_id)"
                  + " INSERT INTO poc.verdict (report_id, kind, verdict, reason, side, detail,"
                  + " verified_at) SELECT report_id, $3, 'invalid', 'stale', 'none', $4, $5 FROM u",
              Rows.bind(cutoff),
              settings.batchSize(),
              kind,
              "not verified within " + settings.staleAfter() + " of receipt",
              Rows.bind(now));
      total += (int) closed;
      for (long n = 0; n < closed; n++) {
        listener.verdict(kind, VerdictRows.STALE);
      }
      if (closed < settings.batchSize()) {
        break;
      }
    }
    return total;
  }

  private static ClaimedBeacon claimedBeacon(Row row) {
    BeaconReport report =
        new BeaconReport(
            Rows.required(row, "hotspot_key", String.class),
            Rows.requiredInstant(row, "received_at"),
            Bytes.of(Rows.required(row, "local_entropy", byte[].class)),
            Bytes.of(Rows.required(row, "remote_entropy", byte[].class)),
            Bytes.of(Rows.required(row, "data", byte[].class)),
            Rows.required(row, "frequency_hz", Long.class),
            DataRate.valueOf(Rows.required(row, "datarate", String.class)),
            Rows.required(row, "tx_power_dbm", Integer.class));
    OracleEntropy entropy =
        new OracleEntropy(
            Bytes.of(Rows.required(row, "entropy_data", byte[].class)),
            Instant.ofEpochSecond(Rows.required(row, "timestamp_s", Long.class)),
            Rows.required(row, "version", Integer.class));
    return new ClaimedBeacon(Rows.required(row, "report_id", String.class), report, entropy);
  }

  private static ClaimedWitness claimedWitness(Row row) {
    return new ClaimedWitness(
        Rows.required(row, "report_id", String.class),
        new WitnessReport(
            Rows.required(row, "hotspot_key", String.class),
            Rows.requiredInstant(row, "received_at"),
            Bytes.of(Rows.required(row, "data", byte[].class)),
            Rows.required(row, "signal_ddbm", Integer.class),
            Rows.required(row, "snr_ddb", Integer.class),
            Rows.required(row, "frequency_hz", Long.class),
            DataRate.valueOf(Rows.required(row, "datarate", String.class))));
  }
}
