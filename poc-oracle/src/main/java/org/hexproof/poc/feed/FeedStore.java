package org.hexproof.poc.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Reads the verified-PoC feed ({@code poc.feed}), its watermark, and single report verdicts.
 * Entries are stored already rendered, so a page is their concatenation.
 */
public final class FeedStore {
  /** Default and largest page sizes (docs/verified-poc-feed.md). */
  public static final int DEFAULT_LIMIT = 500;

  public static final int MAX_LIMIT = 5000;

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * A report's state as JSON: {@code report_id, kind, hotspot, received_at, status} ({@code
   * pending} or {@code closed}) and, once closed, {@code verdict, reason, side, detail, selected,
   * reward_unit, beacon_report_id, verified_at, rule_profile}} (the profile that judged it, null
   * for a report closed as {@code stale} without being judged).
   *
   * @param reportId the id
   * @return the JSON, or empty when no such report was received
   */
  public Optional<String> report(String reportId) {
    return sql.queryOne(
        "SELECT r.kind, r.hotspot_key, r.received_at, v.verdict, v.reason, v.side, v.detail,"
            + " v.selected, v.reward_unit, v.beacon_report_id, v.verified_at, v.rule_profile FROM ("
            + " SELECT 'beacon' AS kind, hotspot_key, received_at FROM poc.beacon_report"
            + " WHERE report_id = $1 UNION ALL"
            + " SELECT 'witness', hotspot_key, received_at FROM poc.witness_report"
            + " WHERE report_id = $1) r LEFT JOIN poc.verdict v ON v.report_id = $1",
        row -> {
          ObjectNode o = JSON.createObjectNode();
          o.put("report_id", reportId);
          o.put("kind", row.get("kind", String.class));
          o.put("hotspot", row.get("hotspot_key", String.class));
          o.put("received_at", FeedEntries.instant(Rows.requiredInstant(row, "received_at")));
          String verdict = row.get("verdict", String.class);
          o.put("status", verdict == null ? "pending" : "closed");
          if (verdict != null) {
            o.put("verdict", verdict);
            o.put("reason", row.get("reason", String.class));
            o.put("side", row.get("side", String.class));
            o.put("detail", row.get("detail", String.class));
            o.put("selected", row.get("selected", Boolean.class));
            o.put(
                "reward_unit",
                FeedEntries.decimal(Rows.required(row, "reward_unit", BigDecimal.class)));
            o.put("beacon_report_id", row.get("beacon_report_id", String.class));
            o.put("verified_at", FeedEntries.instant(Rows.requiredInstant(row, "verified_at")));
            o.put("rule_profile", row.get("rule_profile", String.class));
          }
          return write(o);
        },
        reportId);
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }
}
