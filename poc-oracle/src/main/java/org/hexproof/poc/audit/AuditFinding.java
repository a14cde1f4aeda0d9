package org.hexproof.poc.audit;

import java.util.Objects;

/**
 * One thing the audit found wrong.
 *
 * @param table {@code verdict_seal}, {@code verdict}, {@code feed}, {@code beacon_report} or {@code
 *     witness_report}
 * @param id the row: a seal's seq, a report id, a feed id
 * @param field the column (or feed entry field path) that differs, or {@code row} when the row is
 *     missing or not covered by any seal
 * @param detail what was expected and what is stored
 */
public record AuditFinding(String table, String id, String field, String detail) {
  /** Validates. */
  public AuditFinding {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(detail, "detail");
  }

  /** One line: {@code table id field: detail}. */
  public String line() {
    return table + " " + id + " " + field + ": " + detail;
  }
}
