package org.hexproof.poc.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hexproof.poc.store.Rows;

/** The insert statements of {@link ReportIngest}, built once per kind from its columns. */
final class ReportSql {
  private static final Map<ReportKind, String> ONE = new ConcurrentHashMap<>();
  private static final Map<ReportKind, String> MANY = new ConcurrentHashMap<>();

  private ReportSql() {}

  /** One row: {@code $1} id, {@code $2} key, {@code $3} receive time, the columns, the body. */
  static String insertOne(ReportKind kind) {
    return ONE.computeIfAbsent(
        kind,
        k -> {
          StringBuilder values = new StringBuilder("$1, $2, $3");
          for (int i = 0; i <= k.columns().size(); i++) {
            values.append(", $").append(i + 4);
          }
          return "INSERT INTO poc."
              + k.table()
              + " ("
              + columnList(k)
              + ") VALUES ("
              + values
              + ") ON CONFLICT (report_id) DO NOTHING RETURNING received_at";
        });
  }

  /**
   * Many rows from arrays: {@code $1} ids, {@code $2} keys, {@code $3} the receive time, one array
   * per column, then the bodies (bytea as hex text, see {@link ReportKind.Type#BYTEA}). Returns the
   * ids stored: a stored row's receive time is the bound one (at millisecond precision), not read
   * back.
   */
  static String insertMany(ReportKind kind) {
    return MANY.computeIfAbsent(
        kind,
        k -> {
          StringBuilder select = new StringBuilder("u.report_id, u.hotspot_key, $3");
          StringBuilder arrays = new StringBuilder("$1::text[], $2::text[]");
          StringBuilder names = new StringBuilder("report_id, hotspot_key");
          for (int i = 0; i < k.columns().size(); i++) {
            ReportKind.Column c = k.columns().get(i);
            select.append(", ").append(read(c));
            arrays.append(", $").append(i + 4).append("::").append(c.type().arrayType).append("[]");
            names.append(", ").append(c.name());
          }
          int body = k.columns().size() + 4;
          select.append(", decode(u.signed_report, 'hex')");
          arrays.append(", $").append(body).append("::text[]");
          names.append(", signed_report");
          return "INSERT INTO poc."
              + k.table()
              + " ("
              + columnList(k)
              + ") SELECT "
              + select
              + " FROM unnest("
              + arrays
              + ") AS u("
              + names
              + ") ON CONFLICT (report_id) DO NOTHING RETURNING report_id";
        });
  }

  static Object[] insertManyArgs(ReportKind kind, List<ReportIngest.Opened> rows, Instant at) {
    List<Object> args = new ArrayList<>();
    args.add(rows.stream().map(ReportIngest.Opened::id).toArray(String[]::new));
    args.add(rows.stream().map(ReportIngest.Opened::key).toArray(String[]::new));
    args.add(Rows.bind(at));
    List<Object[]> values = rows.stream().map(ReportIngest.Opened::values).toList();
    for (int i = 0; i < kind.columns().size(); i++) {
      args.add(kind.array(i, values));
    }
    args.add(rows.stream().map(r -> HexFormat.of().formatHex(r.body())).toArray(String[]::new));
    return args.toArray();
  }

  private static String read(ReportKind.Column c) {
    return c.type() == ReportKind.Type.BYTEA
        ? "decode(u." + c.name() + ", 'hex')"
        : "u." + c.name();
  }

  private static String columnList(ReportKind kind) {
    StringBuilder out = new StringBuilder("report_id, hotspot_key, received_at");
    kind.columns().forEach(c -> out.append(", ").append(c.name()));
    return out.append(", signed_report").toString();
  }
}
