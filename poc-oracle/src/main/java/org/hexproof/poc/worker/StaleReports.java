package org.hexproof.poc.worker;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hexproof.poc.audit.SealedVerdict;
import org.hexproof.poc.audit.VerdictSeals;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * The purger (helium/oracles {@code purger.rs}): closes reports still open {@code staleAfter} after
 * receipt with verdict {@code invalid}/{@code stale} (beacons with unknown entropy, orphan
 * witnesses), in batches, each batch sealed like the worker's.
 */
final class StaleReports {
  private final Sql sql;
  private final VerdictSeals seals;
  private final Duration staleAfter;
  private final int batchSize;
  private final WorkerListener listener;

  StaleReports(
      Sql sql, VerdictSeals seals, Duration staleAfter, int batchSize, WorkerListener listener) {
    this.sql = sql;
    this.seals = seals;
    this.staleAfter = staleAfter;
    this.batchSize = batchSize;
    this.listener = listener;
  }

  /**
   * Closes stale reports of one kind.
   *
   * @param now the oracle's time
   * @param table {@code beacon_report} or {@code witness_report}
   * @param kind {@code beacon} or {@code witness}
   * @param maxBatches most batches in this call
   * @return reports closed
   */
  int close(Instant now, String table, String kind, int maxBatches) {
    Instant cutoff = now.minus(staleAfter);
    String detail = "not verified within " + staleAfter + " of receipt";
    int total = 0;
    for (int i = 0; i < maxBatches; i++) {
      int closed = sql.inTransaction(tx -> closeBatch(tx, now, cutoff, table, kind, detail));
      total += closed;
      for (int n = 0; n < closed; n++) {
        listener.verdict(kind, VerdictRows.STALE, "none");
      }
      if (closed < batchSize) {
        break;
      }
    }
    return total;
  }

  private int closeBatch(
      Sql.Handle tx, Instant now, Instant cutoff, String table, String kind, String detail) {
    boolean any =
        tx.queryOne(
                "SELECT EXISTS (SELECT 1 FROM poc."
                    + table
                    + " WHERE NOT closed AND received_at < $1) AS any",
                row -> Rows.required(row, "any", Boolean.class),
                Rows.bind(cutoff))
            .orElse(false);
    if (!any) {
      return 0;
    }
    tx.update(VerdictSeals.LOCK);
    List<SealedVerdict> rows =
        tx.query(
            "WITH s AS (SELECT report_id FROM poc."
                + table
                + " WHERE NOT closed AND received_at < $1 ORDER BY received_at LIMIT $2"
                + " FOR UPDATE SKIP LOCKED),"
                + " u AS (UPDATE poc."
                + table
                + " t SET closed = true FROM s WHERE t.report_id = s.report_id"
                + " RETURNING t.report_id, t.hotspot_key, t.received_at),"
                + " v AS (INSERT INTO poc.verdict (report_id, kind, verdict, reason, side, detail,"
                + " verified_at) SELECT report_id, $3, 'invalid', 'stale', 'none', $4, $5 FROM u)"
                + " SELECT report_id, hotspot_key, received_at FROM u ORDER BY report_id",
            row ->
                VerdictRows.row(
                    Rows.requiredString(row, "report_id"),
                    kind,
                    Rows.requiredString(row, "hotspot_key"),
                    Rows.receivedAt(row),
                    Optional.empty(),
                    VerdictRows.STALE_WITH_DETAIL.apply(detail),
                    false,
                    BigDecimal.ZERO,
                    Optional.empty(),
                    null,
                    now,
                    Optional.empty()),
            Rows.bind(cutoff),
            batchSize,
            kind,
            detail,
            Rows.bind(now));
    seals.append(tx, rows, List.of(), now);
    return rows.size();
  }
}
