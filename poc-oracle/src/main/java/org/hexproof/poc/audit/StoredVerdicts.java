package org.hexproof.poc.audit;

import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Compares every stored verdict row, and its report's signer and receive time, with what the seals
 * signed; names each column that differs, rows that no seal covers, and sealed rows that are gone.
 */
final class StoredVerdicts {
  private static final List<Map.Entry<String, Function<SealedVerdict, Object>>> COLUMNS =
      List.of(
          Map.entry("kind", SealedVerdict::kind),
          Map.entry("beacon_report_id", SealedVerdict::beaconReportId),
          Map.entry("verdict", SealedVerdict::verdict),
          Map.entry("reason", SealedVerdict::reason),
          Map.entry("side", SealedVerdict::side),
          Map.entry("detail", SealedVerdict::detail),
          Map.entry("selected", SealedVerdict::selected),
          Map.entry("reward_unit", SealedVerdict::rewardUnit),
          Map.entry("hex_scale", SealedVerdict::hexScale),
          Map.entry("verified_at", SealedVerdict::verifiedAt),
          Map.entry("feed_id", SealedVerdict::feedId),
          Map.entry("rule_profile", SealedVerdict::ruleProfile));

  private StoredVerdicts() {}

  /** A verdict row with its report's signer and receive time (empty when the report is gone). */
  private record Stored(SealedVerdict row, boolean reportPresent) {}

  static long check(Sql sql, SealChain chain, List<AuditFinding> findings) {
    Set<String> seen =
        Pages.each(
            sql,
            "SELECT v.*, coalesce(b.hotspot_key, w.hotspot_key) AS hotspot_key,"
                + " coalesce(b.received_at, w.received_at) AS received_at"
                + " FROM poc.verdict v"
                + " LEFT JOIN poc.beacon_report b ON b.report_id = v.report_id"
                + " LEFT JOIN poc.witness_report w ON w.report_id = v.report_id"
                + " WHERE v.report_id > $1 ORDER BY v.report_id LIMIT $2",
            "",
            StoredVerdicts::stored,
            s -> s.row().reportId(),
            s -> {
              compare(s, chain, findings);
            });
    Pages.deleted("verdict", chain.verdictSeal, seen, findings);
    return seen.size();
  }

  private static void compare(Stored stored, SealChain chain, List<AuditFinding> findings) {
    SealedVerdict row = stored.row();
    SealedVerdict sealed = chain.verdicts.get(row.reportId());
    if (sealed == null) {
      findings.add(
          new AuditFinding("verdict", row.reportId(), "row", "no seal covers this verdict row"));
      return;
    }
    for (Map.Entry<String, Function<SealedVerdict, Object>> c : COLUMNS) {
      Object expected = c.getValue().apply(sealed);
      Object actual = c.getValue().apply(row);
      if (!Objects.equals(expected, actual)) {
        findings.add(
            new AuditFinding(
                "verdict",
                row.reportId(),
                c.getKey(),
                "sealed " + text(expected) + ", stored " + text(actual)));
      }
    }
    String reportTable = sealed.kind() + "_report";
    if (!stored.reportPresent()) {
      findings.add(
          new AuditFinding(reportTable, row.reportId(), "row", "the verdict's report is deleted"));
      return;
    }
    if (!sealed.hotspot().equals(row.hotspot())) {
      findings.add(
          new AuditFinding(
              reportTable,
              row.reportId(),
              "hotspot_key",
              "sealed " + sealed.hotspot() + ", stored " + row.hotspot()));
    }
    if (!sealed.receivedAt().equals(row.receivedAt())) {
      findings.add(
          new AuditFinding(
              reportTable,
              row.reportId(),
              "received_at",
              "sealed " + sealed.receivedAt() + ", stored " + row.receivedAt()));
    }
  }

  static String text(Object value) {
    if (value instanceof Optional<?> o) {
      return o.map(StoredVerdicts::text).orElse("NULL");
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(value);
  }

  private static Stored stored(Row r) {
    String hotspot = r.get("hotspot_key", String.class);
    Optional<java.time.Instant> received = Rows.instant(r, "received_at");
    BigDecimal hex = r.get("hex_scale", BigDecimal.class);
    Long feed = r.get("feed_id", Long.class);
    SealedVerdict row =
        new SealedVerdict(
            Rows.requiredString(r, "report_id"),
            Rows.requiredString(r, "kind"),
            hotspot == null ? "" : hotspot,
            received.orElse(java.time.Instant.EPOCH),
            Optional.ofNullable(r.get("beacon_report_id", String.class)),
            Rows.requiredString(r, "verdict"),
            Optional.ofNullable(r.get("reason", String.class)),
            Optional.ofNullable(r.get("side", String.class)),
            Rows.requiredString(r, "detail"),
            Rows.required(r, "selected", Boolean.class),
            Rows.required(r, "reward_unit", BigDecimal.class),
            Optional.ofNullable(hex),
            Optional.empty(),
            Rows.requiredInstant(r, "verified_at"),
            Optional.ofNullable(feed),
            Optional.ofNullable(r.get("rule_profile", String.class)));
    return new Stored(row, hotspot != null);
  }
}
