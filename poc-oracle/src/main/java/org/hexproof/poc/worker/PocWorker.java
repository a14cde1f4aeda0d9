package org.hexproof.poc.worker;

import io.r2dbc.spi.R2dbcException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.hexproof.poc.audit.VerdictSeals;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.verify.PocVerifier;
import org.hexproof.poc.verify.RegionPlans;
import org.hexproof.poc.verify.RuleProfiles;
import org.hexproof.poc.verify.StateUpdate;
import org.hexproof.poc.verify.UnverifiableBeaconException;
import org.hexproof.support.db.DatabaseFailures;
import org.hexproof.support.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier worker (helium/oracles {@code runner.rs} + {@code purger.rs}). {@link #runOnce()}
 * repeats, one transaction per batch:
 *
 * <ol>
 *   <li>{@link BatchReads#claim Claims} up to {@code batchSize} open beacons whose entropy window
 *       has closed with {@code FOR UPDATE SKIP LOCKED}, so several workers on one database never
 *       take the same beacon, and in three more queries locks their witnesses and reads the
 *       registry rows and denied edges.
 *   <li>{@link BatchVerifier Verifies} each beacon in memory, carrying hotspot state from one
 *       beacon to the next. A beacon that cannot be verified ({@link UnverifiableBeaconException})
 *       stays open and is retried next run; no verdict is ever written because of an error.
 *   <li>{@link BatchWrites Writes} every verdict, closed flag, state update and feed entry with one
 *       statement each, seals them ({@link VerdictSeals}), and commits. If a write fails with an
 *       error that is not an outage or a lock conflict, the batch is rolled back and run again with
 *       one savepoint per beacon, so that one bad beacon stays open and the others proceed.
 * </ol>
 *
 * Then {@link StaleReports} closes reports still open {@code staleAfter} after receipt as {@code
 * stale}. A worker instance may run on several threads at once (they coordinate like processes).
 *
 * <p>{@link #stop()} ends runs at a batch boundary: the batch in progress commits or rolls back
 * whole, its beacons keep all their verdicts or none, and the rest stay open for the next oracle.
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
  private final RuleProfiles profiles;
  private final RegionPlans regionPlans;
  private final DensityCache density;
  private final Settings settings;
  private final WorkerListener listener;
  private final BatchWrites writes;
  private final StaleReports stale;
  private volatile boolean stopping;

  /**
   * @param sql the database
   * @param clock the oracle's clock
   * @param profiles the rule constants, chosen per beacon
   * @param regionPlans region parameters
   * @param density the hex density cache
   * @param settings batch size and windows
   * @param seals signs what each transaction wrote
   * @param listener metrics
   */
  public PocWorker(
      Sql sql,
      Clock clock,
      RuleProfiles profiles,
      RegionPlans regionPlans,
      DensityCache density,
      Settings settings,
      VerdictSeals seals,
      WorkerListener listener) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.regionPlans = Objects.requireNonNull(regionPlans, "regionPlans");
    this.density = Objects.requireNonNull(density, "density");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.writes = new BatchWrites(Objects.requireNonNull(seals, "seals"));
    this.stale =
        new StaleReports(sql, seals, settings.staleAfter(), settings.batchSize(), listener);
  }

  /**
   * Asks every run to end after the batch it is in; runs started later do nothing. For a shutdown:
   * the worker cannot be started again.
   */
  public void stop() {
    stopping = true;
  }

  /**
   * Verifies every ready beacon, then closes stale reports; after {@link #stop()}, ends once the
   * batch in progress is committed (or rolled back) and leaves the stale reports for the next run.
   *
   * @return counts
   * @throws io.r2dbc.spi.R2dbcException when the database fails; nothing of the failed batch is
   *     kept
   */
  public RunSummary runOnce() {
    Instant now = clock.instant();
    int verified = 0;
    int failed = 0;
    for (int i = 0; i < MAX_BATCHES_PER_RUN && !stopping; i++) {
      Batch batch = verifyBatchRetryingConflicts(now);
      verified += batch.written.size();
      failed += batch.failed;
      // a short batch is not the end: a hotspot's later beacon waits for its earlier one
      if (batch.claimed == 0 || batch.failed > 0) {
        break;
      }
    }
    if (stopping) {
      return new RunSummary(verified, failed, 0, 0);
    }
    int staleBeacons = stale.close(now, "beacon_report", "beacon", MAX_BATCHES_PER_RUN);
    int staleWitnesses = stale.close(now, "witness_report", "witness", MAX_BATCHES_PER_RUN);
    listener.openBeacons(
        sql.queryOne(
                "SELECT count(*) AS n FROM poc.beacon_report WHERE NOT closed",
                row -> Rows.required(row, "n", Long.class))
            .orElse(0L));
    return new RunSummary(verified, failed, staleBeacons, staleWitnesses);
  }

  private static final class Batch {
    int claimed;
    int failed;
    final List<VerifiedPoc> written = new ArrayList<>();
  }

  /**
   * Workers that verify PoCs sharing hotspots update the same hotspot rows, so PostgreSQL may abort
   * one of them with a deadlock (40P01) or serialization failure (40001). The whole batch then
   * rolled back, nothing of it is kept, so it is simply run again. A batch whose set-based write
   * failed for another reason is run again with one savepoint per beacon.
   */
  private Batch verifyBatchRetryingConflicts(Instant now) {
    boolean isolate = false;
    for (int attempt = 1; ; attempt++) {
      try {
        return verifyBatch(now, isolate);
      } catch (R2dbcException e) {
        if (!isolate && !DatabaseFailures.isUnavailable(e) && !isLockConflict(e)) {
          LOG.warn("batch write failed ({}), writing beacon by beacon", e.toString());
          isolate = true;
          continue;
        }
        if (attempt >= MAX_CONFLICT_RETRIES || !isLockConflict(e)) {
          throw e;
        }
        LOG.debug("batch rolled back by a lock conflict ({}), retrying", e.getSqlState());
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(5, 50));
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

  private Batch verifyBatch(Instant now, boolean isolate) {
    Batch batch = new Batch();
    sql.runInTransaction(
        tx -> {
          BatchReads reads =
              BatchReads.claim(
                  tx,
                  profiles.lora().entropyLifespan(),
                  now,
                  settings.batchSize(),
                  settings.witnessWindow());
          batch.claimed = reads.beacons().size();
          if (reads.beacons().isEmpty()) {
            return;
          }
          BatchVerifier verifier =
              new BatchVerifier(
                  profiles, new PocVerifier(regionPlans, density.current(now)), reads, now);
          List<VerifiedPoc> verified = new ArrayList<>();
          for (ClaimedBeacon beacon : reads.beacons()) {
            VerifiedPoc poc;
            try {
              poc = verifier.verify(beacon);
            } catch (UnverifiableBeaconException e) {
              fail(batch, beacon, e);
              continue;
            }
            if (isolate && !writeAlone(tx, poc, now, batch)) {
              continue;
            }
            verifier.apply(poc);
            verified.add(poc);
          }
          if (!isolate) {
            writes.write(tx, verified, now);
          }
          batch.written.addAll(verified);
        });
    boolean reciprocityChanged = false;
    for (VerifiedPoc w : batch.written) {
      reciprocityChanged |=
          w.result().stateUpdates().stream()
              .anyMatch(u -> u.field() == StateUpdate.Field.LAST_BEACON_RECIPROCITY);
      listener.verified(w.took());
      String profile = w.ruleProfile();
      listener.verdict("beacon", w.result().beacon(), profile);
      w.result().witnesses().forEach(r -> listener.verdict("witness", r.verdict(), profile));
      for (int i = 0; i < w.selfWitnesses(); i++) {
        listener.verdict("witness", VerdictRows.SELF_WITNESS, profile);
      }
    }
    if (reciprocityChanged) {
      density.invalidate();
    }
    return batch;
  }

  /** Writes one PoC under a savepoint; on a database error it stays open. */
  private boolean writeAlone(Sql.Handle tx, VerifiedPoc poc, Instant now, Batch batch) {
    tx.update("SAVEPOINT poc_beacon");
    try {
      writes.write(tx, List.of(poc), now);
      tx.update("RELEASE SAVEPOINT poc_beacon");
      return true;
    } catch (R2dbcException e) {
      if (DatabaseFailures.isUnavailable(e) || isLockConflict(e)) {
        throw e;
      }
      tx.update("ROLLBACK TO SAVEPOINT poc_beacon");
      fail(batch, poc.beacon(), e);
      return false;
    }
  }

  private void fail(Batch batch, ClaimedBeacon beacon, Exception e) {
    batch.failed++;
    listener.failed(e);
    LOG.warn("beacon {} not verified, will retry: {}", beacon.reportId(), e.toString());
  }
}
