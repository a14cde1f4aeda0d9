package org.hexproof.poc.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Reads the verified-PoC feed ({@code poc.feed}) and its watermark ({@link ReportStatuses} reads
 * reports and their verdicts). Entries are stored already rendered, so a page is their
 * concatenation.
 */
public final class FeedStore {
  /** Default and largest page sizes (docs/verified-poc-feed.md). */
  public static final int DEFAULT_LIMIT = 500;

  public static final int MAX_LIMIT = 5000;

  private final Sql sql;
  private final Clock clock;
  private final Duration watermarkGrace;

  /**
   * @param sql the database
   * @param clock the oracle's clock
   * @param watermarkGrace how far behind now the watermark stays at most
   */
  public FeedStore(Sql sql, Clock clock, Duration watermarkGrace) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.watermarkGrace = Objects.requireNonNull(watermarkGrace, "watermarkGrace");
  }

  /**
   * A page: {@code {"entries": [...], "last_id": n}}.
   *
   * @param after entries with a greater id, ≥ 0
   * @param limit at most this many, 1..{@value #MAX_LIMIT}
   * @return the JSON text
   */
  public String page(long after, int limit) {
    List<String[]> rows =
        sql.query(
            "SELECT id, entry FROM poc.feed WHERE id > $1 ORDER BY id LIMIT $2",
            row ->
                new String[] {
                  String.valueOf(Rows.required(row, "id", Long.class)),
                  Rows.required(row, "entry", String.class)
                },
            after,
            limit);
    StringBuilder out = new StringBuilder("{\"entries\":[");
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(rows.get(i)[1]);
    }
    String lastId = rows.isEmpty() ? String.valueOf(after) : rows.get(rows.size() - 1)[0];
    return out.append("],\"last_id\":").append(lastId).append('}').toString();
  }

  /**
   * Every beacon received before this instant is verified (or closed as stale): the oldest open
   * beacon's receive time, and never later than now minus the grace that covers requests stamped
   * but not yet stored.
   */
  public Instant verifiedThrough() {
    Instant bound = clock.instant().minus(watermarkGrace);
    Optional<Instant> oldestOpen =
        sql.queryOne(
                "SELECT min(received_at) AS oldest FROM poc.beacon_report WHERE NOT closed",
                row -> Rows.instant(row, "oldest"))
            .flatMap(o -> o);
    return oldestOpen.filter(o -> o.isBefore(bound)).orElse(bound);
  }
}
