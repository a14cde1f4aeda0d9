package org.hexproof.poc.ingest;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The insert statement of {@link ReportWrites}, built once per kind from its columns. */
final class ReportSql {
  private static final Map<ReportKind, String> MANY = new ConcurrentHashMap<>();

  private ReportSql() {}

  /**
   * Many rows from arrays: {@code $1} ids, {@code $2} keys, {@code $3} receive times (milliseconds
   * since the epoch: exact, and cheaper to read than text), one array per column, then the bodies
   * (bytea as hex text, see {@link ReportKind.Type#BYTEA}). Returns the ids stored: a stored row's
   * receive time is the bound one, not read back.
   */
  static String insertMany(ReportKind kind) {
    return MANY.computeIfAbsent(
        kind,
        k -> {
          StringBuilder select =
              new StringBuilder(
                  "u.report_id, u.hotspot_key,"
                      + " timestamptz 'epoch' + u.received_at * interval '1 millisecond'");
          StringBuilder arrays = new StringBuilder("$1::text[], $2::text[], $3::bigint[]");
          StringBuilder names = new StringBuilder("report_id, hotspot_key, received_at");
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

  static Object[] insertManyArgs(ReportKind kind, List<ReportWrites.Accepted> accepted) {
    List<ReportIngest.Opened> rows = accepted.stream().map(ReportWrites.Accepted::report).toList();
    List<Object> args = new ArrayList<>();
    args.add(rows.stream().map(ReportIngest.Opened::id).toArray(String[]::new));
    args.add(rows.stream().map(ReportIngest.Opened::key).toArray(String[]::new));
    args.add(accepted.stream().map(a -> a.receivedAt().toEpochMilli()).toArray(Long[]::new));
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
