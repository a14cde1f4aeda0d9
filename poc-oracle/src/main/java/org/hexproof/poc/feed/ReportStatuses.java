package org.hexproof.poc.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Reports as their signers see them: one report's state and verdict, and a hotspot's reports,
 * newest first, page by page. A report's JSON is {@code report_id, kind, hotspot, received_at,
 * status} ({@code pending} or {@code closed}) and, once closed, {@code verdict, reason, side,
 * detail, selected, reward_unit, beacon_report_id, verified_at, rule_profile} (the profile that
 * judged it; null for a report closed as {@code stale} without being judged).
 */
public final class ReportStatuses {
  /** Default and largest number of reports in one page of a hotspot's reports. */
  public static final int DEFAULT_LIMIT = 50;

  public static final int MAX_LIMIT = 500;

  /** A report id: base64url of a SHA-256, no padding ({@code store.ReportIds}). */
  public static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Later than every receive time: the bound of a first page. */
  private static final Instant END = Instant.parse("9999-12-31T23:59:59Z");

  private static final String VERDICT_COLUMNS =
      " v.verdict, v.reason, v.side, v.detail, v.selected, v.reward_unit, v.beacon_report_id,"
          + " v.verified_at, v.rule_profile";

  private static final String PAGE_OF =
      " SELECT %s AS kind, report_id, hotspot_key, received_at FROM poc.%s"
          + " WHERE hotspot_key = $1 AND (received_at, report_id) < ($2, $3)"
          + " ORDER BY received_at DESC, report_id DESC LIMIT $4";

  /**
   * A page of a hotspot's reports ({@code $1} key, {@code $2, $3} the cursor's receive time and
   * report id, {@code $4} the limit): each report table gives its newest rows before the cursor
   * through its {@code (hotspot_key, received_at, report_id)} index, then the two are merged.
   */
  static final String HOTSPOT_PAGE =
      "SELECT r.kind, r.report_id, r.hotspot_key, r.received_at,"
          + VERDICT_COLUMNS
          + " FROM (("
          + PAGE_OF.formatted("'beacon'", "beacon_report")
          + ") UNION ALL ("
          + PAGE_OF.formatted("'witness'", "witness_report")
          + ")) r LEFT JOIN poc.verdict v ON v.report_id = r.report_id"
          + " ORDER BY r.received_at DESC, r.report_id DESC LIMIT $4";

  private final Sql sql;

  /**
   * @param sql the database
   */
  public ReportStatuses(Sql sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  /**
   * Where a page of a hotspot's reports ends: the next page holds the reports received before
   * {@code receivedAt}, or at that time with a smaller id. Its text is {@code <epoch
   * milliseconds>.<report id>}.
   */
  public record Cursor(Instant receivedAt, String reportId) {
    /** The text form. */
    public String text() {
      return receivedAt.toEpochMilli() + "." + reportId;
    }

    /** Parses the text form; empty when it is not one. */
    public static Optional<Cursor> parse(String text) {
      int dot = text.indexOf('.');
      if (dot < 1 || !REPORT_ID.matcher(text.substring(dot + 1)).matches()) {
        return Optional.empty();
      }
      try {
        long millis = Long.parseLong(text.substring(0, dot));
        return millis < 0
            ? Optional.empty()
            : Optional.of(new Cursor(Instant.ofEpochMilli(millis), text.substring(dot + 1)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * One report's state.
   *
   * @param reportId the id
   * @return the JSON, or empty when no such report was received
   */
  public Optional<String> report(String reportId) {
    return sql.queryOne(
        "SELECT r.kind, $1 AS report_id, r.hotspot_key, r.received_at,"
            + VERDICT_COLUMNS
            + " FROM ("
            + " SELECT 'beacon' AS kind, hotspot_key, received_at FROM poc.beacon_report"
            + " WHERE report_id = $1 UNION ALL"
            + " SELECT 'witness', hotspot_key, received_at FROM poc.witness_report"
            + " WHERE report_id = $1) r LEFT JOIN poc.verdict v ON v.report_id = $1",
        row -> write(status(row)),
        reportId);
  }

  /**
   * A page of a hotspot's beacon and witness reports, newest first: {@code {"hotspot", "reports":
   * [...], "next"}}, where {@code next} is the cursor of the following page, null on the last.
   *
   * @param hotspot the signer's key (base58)
   * @param before where the previous page ended; empty for the newest reports
   * @param limit at most this many, 1..{@value #MAX_LIMIT}
   */
  public String ofHotspot(String hotspot, Optional<Cursor> before, int limit) {
    Cursor bound = before.orElse(new Cursor(END, ""));
    List<ObjectNode> reports =
        sql.query(
            HOTSPOT_PAGE,
            ReportStatuses::status,
            hotspot,
            Rows.bind(bound.receivedAt()),
            bound.reportId(),
            limit);
    ObjectNode out = JSON.createObjectNode();
    out.put("hotspot", hotspot);
    ArrayNode list = out.putArray("reports");
    reports.forEach(list::add);
    if (reports.size() == limit) {
      ObjectNode last = reports.get(reports.size() - 1);
      out.put(
          "next",
          new Cursor(
                  Instant.parse(last.get("received_at").asText()), last.get("report_id").asText())
              .text());
    } else {
      out.putNull("next");
    }
    return write(out);
  }

  private static ObjectNode status(Row row) {
    ObjectNode o = JSON.createObjectNode();
    o.put("report_id", Rows.requiredString(row, "report_id"));
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
          "reward_unit", FeedEntries.decimal(Rows.required(row, "reward_unit", BigDecimal.class)));
      o.put("beacon_report_id", row.get("beacon_report_id", String.class));
      o.put("verified_at", FeedEntries.instant(Rows.requiredInstant(row, "verified_at")));
      o.put("rule_profile", row.get("rule_profile", String.class));
    }
    return o;
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }
}
