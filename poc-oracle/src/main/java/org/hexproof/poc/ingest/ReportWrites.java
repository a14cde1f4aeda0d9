package org.hexproof.poc.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hexproof.poc.ingest.ReportIngest.Opened;
import org.hexproof.poc.ingest.ReportIngest.Receipt;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.AsyncSql;

/**
 * Stores accepted reports, each with its own receive time: one {@code INSERT … ON CONFLICT DO
 * NOTHING} statement per kind for all of them (rows in id order, one lock order for concurrent
 * writers), and one read of the first receipts of those that were stored before. A report given
 * twice is stored once; its first occurrence gets the stored receipt and the others the same one
 * marked duplicate.
 */
final class ReportWrites {
  private final AsyncSql sql;

  /** A report that passed every check, and the time its request arrived. */
  record Accepted(ReportKind kind, Opened report, Instant receivedAt) {
    /** The receive time at the column's precision (milliseconds), as it is stored. */
    Accepted {
      receivedAt = receivedAt.truncatedTo(ChronoUnit.MILLIS);
    }
  }

  /** Where a report's receipt comes from: stored by this write, or by an earlier one. */
  private record Stored(Instant at, boolean now) {}

  ReportWrites(AsyncSql sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  /**
   * Stores reports and gives one receipt per report, in the given order.
   *
   * @param reports accepted reports of any kinds
   * @return their receipts once every row is committed; a report stored earlier gets its first
   *     receipt
   */
  CompletableFuture<List<Receipt>> write(List<Accepted> reports) {
    Map<ReportKind, Map<String, Accepted>> unique = new EnumMap<>(ReportKind.class);
    for (Accepted a : reports) {
      unique.computeIfAbsent(a.kind(), k -> new LinkedHashMap<>()).putIfAbsent(a.report().id(), a);
    }
    Map<ReportKind, CompletableFuture<Map<String, Stored>>> kinds = new EnumMap<>(ReportKind.class);
    unique.forEach((kind, rows) -> kinds.put(kind, store(kind, rows)));
    return CompletableFuture.allOf(kinds.values().toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<Receipt> receipts = new ArrayList<>(reports.size());
              Map<ReportKind, Set<String>> answered = new EnumMap<>(ReportKind.class);
              for (Accepted a : reports) {
                String id = a.report().id();
                Stored s = kinds.get(a.kind()).join().get(id);
                boolean first =
                    s.now() && answered.computeIfAbsent(a.kind(), k -> new HashSet<>()).add(id);
                receipts.add(new Receipt(id, s.at(), !first));
              }
              return receipts;
            });
  }

  /** Inserts one kind's rows, then reads the first receipts of those stored before. */
  private CompletableFuture<Map<String, Stored>> store(
      ReportKind kind, Map<String, Accepted> rows) {
    List<Accepted> ordered = new ArrayList<>(rows.values());
    ordered.sort(Comparator.comparing(a -> a.report().id()));
    return sql.query(
            ReportSql.insertMany(kind),
            row -> Rows.requiredString(row, "report_id"),
            ReportSql.insertManyArgs(kind, ordered))
        .thenCompose(
            inserted -> {
              Set<String> now = new HashSet<>(inserted);
              Map<String, Stored> stored = new HashMap<>();
              List<String> earlier = new ArrayList<>();
              rows.forEach(
                  (id, a) -> {
                    if (now.contains(id)) {
                      stored.put(id, new Stored(a.receivedAt(), true));
                    } else {
                      earlier.add(id);
                    }
                  });
              if (earlier.isEmpty()) {
                return CompletableFuture.completedFuture(stored);
              }
              return first(kind, earlier)
                  .thenApply(
                      found -> {
                        found.forEach((id, at) -> stored.put(id, new Stored(at, false)));
                        return stored;
                      });
            });
  }

  private CompletableFuture<Map<String, Instant>> first(ReportKind kind, List<String> ids) {
    return sql.query(
            "SELECT report_id, received_at FROM poc." + kind.table() + " WHERE report_id = ANY($1)",
            row -> Map.entry(Rows.requiredString(row, "report_id"), Rows.receivedAt(row)),
            (Object) ids.toArray(String[]::new))
        .thenApply(
            rows -> {
              Map<String, Instant> found = new HashMap<>();
              rows.forEach(e -> found.put(e.getKey(), e.getValue()));
              for (String id : ids) {
                if (!found.containsKey(id)) {
                  throw new IllegalStateException(kind.table() + " lost report " + id);
                }
              }
              return found;
            });
  }
}
