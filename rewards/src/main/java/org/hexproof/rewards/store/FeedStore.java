package org.hexproof.rewards.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.support.db.Sql;

/**
 * What rewards has taken from the verified-PoC feed: the share rows, the feed cursor and the
 * oracle's watermark (tables {@code rewards.poc_shares} and {@code rewards.feed_cursor}).
 */
public final class FeedStore {
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the database; not null
   */
  public FeedStore(Sql sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  /**
   * The id of the last feed entry stored.
   *
   * @return ≥ 0; 0 before the first page
   */
  public long cursor() {
    return sql.queryOne(
            "SELECT last_id FROM rewards.feed_cursor WHERE id = 1", r -> r.get(0, Long.class))
        .orElse(0L);
  }

  /**
   * The oracle's {@code verified_through} as of the last time the feed was read to its end.
   *
   * @return the instant, or empty before the first complete read
   */
  public Optional<Instant> watermark() {
    return sql
        .query(
            "SELECT watermark FROM rewards.feed_cursor WHERE id = 1 AND watermark IS NOT NULL",
            r -> r.get(0, Instant.class))
        .stream()
        .findFirst();
  }

  /**
   * Stores one page of the feed with the cursor, in one transaction. Rows already stored (same
   * entry id, role and hotspot) are left as they are, so re-reading a page changes nothing.
   *
   * @param rows the page's share rows; not null
   * @param lastId the page's {@code last_id}; the cursor never moves back
   * @return the number of rows newly inserted
   */
  public long storePage(List<ShareRow> rows, long lastId) {
    Objects.requireNonNull(rows, "rows");
    return sql.inTransaction(
        h -> {
          long inserted = 0;
          for (ShareRow row : rows) {
            inserted +=
                h.update(
                    "INSERT INTO rewards.poc_shares"
                        + " (entry_id, role, hotspot, owner, received_at, shares)"
                        + " VALUES ($1, $2, $3, $4, $5, $6)"
                        + " ON CONFLICT (entry_id, role, hotspot) DO NOTHING",
                    row.entryId(),
                    row.role().code(),
                    row.hotspot().toBase58(),
                    row.owner().toBase58(),
                    row.receivedAt(),
                    row.shares());
          }
          h.update(
              "UPDATE rewards.feed_cursor SET last_id = GREATEST(last_id, $1) WHERE id = 1",
              lastId);
          return inserted;
        });
  }

  /**
   * Moves the watermark forward (never back).
   *
   * @param verifiedThrough the oracle's watermark, read before the feed was read to its end
   */
  public void raiseWatermark(Instant verifiedThrough) {
    sql.update(
        "UPDATE rewards.feed_cursor SET watermark = GREATEST(watermark, $1) WHERE id = 1",
        Objects.requireNonNull(verifiedThrough, "verifiedThrough"));
  }

  /**
   * The receive time of the earliest stored share.
   *
   * @return it, or empty when no share is stored
   */
  public Optional<Instant> earliestShare() {
    return sql
        .query(
            "SELECT min(received_at) FROM rewards.poc_shares HAVING count(*) > 0",
            r -> r.get(0, Instant.class))
        .stream()
        .findFirst();
  }

  /**
   * Every hotspot's shares in an epoch, summed from the rows whose beacon was received in [start,
   * end), ordered by hotspot key text.
   *
   * @param h the transaction to read in; not null
   * @param epoch the epoch; not null
   * @return one entry per hotspot with at least one row
   */
  public static EpochShares epochShares(Sql.Handle h, Epoch epoch) {
    return EpochShares.read(h, epoch);
  }
}
