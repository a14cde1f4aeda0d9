package org.hexproof.benchmarks;

import java.util.HexFormat;
import java.util.List;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * What PostgreSQL alone costs per report on this machine, measured on the oracle's own embedded
 * server right after the load: the least work the pipeline must have the database do for one
 * report, in chunks of 500 and no verification in between. Per report: one report row (its signed
 * body included) inserted, one verdict row inserted, and the report row's closed flag updated; per
 * five reports, one rendered feed entry stored. Tables are {@code LIKE} the oracle's (same columns,
 * indexes and constraints) in a scratch schema. Two ways, each measured on its own: the oracle's
 * set-based statement shapes ({@code INSERT … SELECT … FROM unnest(…)}), and {@code COPY … FROM
 * STDIN} for the three inserts ({@link PostgresFloorCopy}); the cheaper is the floor. The bound on
 * reports per second is the machine's cores divided by the PostgreSQL CPU seconds per report.
 */
final class PostgresFloor {
  static final int CHUNK = 500;

  /** The measurement. */
  record Floor(int reports, double wallSeconds, ProcessCpu.Use cpu) {
    double postgresMicrosPerReport() {
      return cpu.postgresSeconds() * 1e6 / reports;
    }

    double boundPerSecond(int cores) {
      return cores / (cpu.postgresSeconds() / reports);
    }
  }

  /** Both ways, as one line of text between the oracle's JVM and the load generator's. */
  record Floors(Floor insert, Floor copy) {
    /** The cheaper way. */
    Floor least() {
      return copy.cpu().postgresSeconds() / copy.reports()
              < insert.cpu().postgresSeconds() / insert.reports()
          ? copy
          : insert;
    }

    String text() {
      return text(insert) + " " + text(copy);
    }

    static Floors parse(String text) {
      String[] f = text.split(" ");
      return new Floors(floor(f, 0), floor(f, 6));
    }

    private static String text(Floor f) {
      return f.reports()
          + " "
          + f.wallSeconds()
          + " "
          + f.cpu().jvmSeconds()
          + " "
          + f.cpu().postgresSeconds()
          + " "
          + f.cpu().jitSeconds()
          + " "
          + f.cpu().gcSeconds();
    }

    private static Floor floor(String[] f, int at) {
      return new Floor(
          Integer.parseInt(f[at]),
          Double.parseDouble(f[at + 1]),
          new ProcessCpu.Use(
              Double.parseDouble(f[at + 2]),
              Double.parseDouble(f[at + 3]),
              Double.parseDouble(f[at + 4]),
              Double.parseDouble(f[at + 5])));
    }
  }

  private PostgresFloor() {}

  /** Measures both ways on up to {@code maxReports} of the oracle's stored witness reports. */
  static Floors measure(Sql sql, String postgresMarker, int maxReports) {
    sql.withConnection(
        h -> {
          h.script(
              "DROP SCHEMA IF EXISTS bench_floor CASCADE; CREATE SCHEMA bench_floor;"
                  + " CREATE TABLE bench_floor.report (LIKE poc.witness_report INCLUDING ALL);"
                  + " CREATE TABLE bench_floor.verdict (LIKE poc.verdict INCLUDING ALL);"
                  + " CREATE TABLE bench_floor.feed (LIKE poc.feed INCLUDING ALL);");
          return null;
        });
    List<Object[]> rows =
        sql.query(
            "SELECT report_id, hotspot_key, received_at, data, signal_ddbm, snr_ddb,"
                + " frequency_hz, datarate, signed_report FROM poc.witness_report LIMIT $1",
            r ->
                new Object[] {
                  Rows.requiredString(r, "report_id"),
                  Rows.requiredString(r, "hotspot_key"),
                  Rows.receivedAt(r),
                  HexFormat.of().formatHex(Rows.required(r, "data", byte[].class)),
                  Rows.required(r, "signal_ddbm", Integer.class),
                  Rows.required(r, "snr_ddb", Integer.class),
                  Rows.required(r, "frequency_hz", Long.class),
                  Rows.requiredString(r, "datarate"),
                  HexFormat.of().formatHex(Rows.required(r, "signed_report", byte[].class))
                },
            maxReports);
    List<String> entries =
        sql.query(
            "SELECT entry FROM poc.feed LIMIT $1",
            r -> Rows.requiredString(r, "entry"),
            Math.max(1, rows.size() / 5));
    Floor insert = insertWay(sql, postgresMarker, rows, entries);
    Floor copy = PostgresFloorCopy.measure(sql, postgresMarker, rows, entries);
    sql.withConnection(
        h -> {
          h.script("DROP SCHEMA bench_floor CASCADE");
          return null;
        });
    return new Floors(insert, copy);
  }

  /** The oracle's statement shapes: arrays bound as parameters, {@code unnest} into rows. */
  private static Floor insertWay(
      Sql sql, String postgresMarker, List<Object[]> rows, List<String> entries) {
    ProcessCpu cpu = ProcessCpu.start(postgresMarker);
    long start = System.nanoTime();
    for (int from = 0; from < rows.size(); from += CHUNK) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
      sql.update(
          "INSERT INTO bench_floor.report (report_id, hotspot_key, received_at, data,"
              + " signal_ddbm, snr_ddb, frequency_hz, datarate, signed_report)"
              + " SELECT u.id, u.k, $3, decode(u.d, 'hex'), u.s, u.n, u.f, u.r,"
              + " decode(u.b, 'hex') FROM unnest($1::text[], $2::text[], $4::text[],"
              + " $5::integer[], $6::integer[], $7::bigint[], $8::text[], $9::text[])"
              + " AS u(id, k, d, s, n, f, r, b)",
          column(chunk, 0, String[]::new),
          column(chunk, 1, String[]::new),
          Rows.bind((java.time.Instant) chunk.get(0)[2]),
          column(chunk, 3, String[]::new),
          column(chunk, 4, Integer[]::new),
          column(chunk, 5, Integer[]::new),
          column(chunk, 6, Long[]::new),
          column(chunk, 7, String[]::new),
          column(chunk, 8, String[]::new));
    }
    for (int from = 0; from < rows.size(); from += CHUNK) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
      int first = from;
      String[] ids = column(chunk, 0, String[]::new);
      sql.runInTransaction(
          tx -> {
            tx.update(
                "INSERT INTO bench_floor.verdict (report_id, kind, verdict, detail,"
                    + " reward_unit, verified_at, feed_id)"
                    + " SELECT u.id, 'witness', 'valid', '', 0.25, $2, 1 FROM unnest($1::text[])"
                    + " AS u(id)",
                ids,
                Rows.bind(java.time.Instant.now()));
            tx.update(
                "UPDATE bench_floor.report SET closed = true WHERE report_id = ANY($1)",
                (Object) ids);
            int feedFrom = Math.min(entries.size(), first / 5);
            int feedTo = Math.min(entries.size(), (first + chunk.size()) / 5);
            if (feedTo > feedFrom) {
              List<String> part = entries.subList(feedFrom, feedTo);
              Long[] feedIds = new Long[part.size()];
              String[] beacons = new String[part.size()];
              for (int i = 0; i < part.size(); i++) {
                feedIds[i] = (long) feedFrom + i;
                beacons[i] = "b" + (feedFrom + i);
              }
              tx.update(
                  "INSERT INTO bench_floor.feed (id, beacon_report_id, verified_at, entry)"
                      + " SELECT u.id, u.b, $1, u.e"
                      + " FROM unnest($2::bigint[], $3::text[], $4::text[]) AS u(id, b, e)",
                  Rows.bind(java.time.Instant.now()),
                  feedIds,
                  beacons,
                  part.toArray(String[]::new));
            }
          });
    }
    long wall = System.nanoTime() - start;
    return new Floor(rows.size(), wall / 1e9, cpu.stop());
  }

  private static <T> T[] column(
      List<Object[]> rows, int column, java.util.function.IntFunction<T[]> array) {
    T[] out = array.apply(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      @SuppressWarnings("unchecked")
      T value = (T) rows.get(i)[column];
      out[i] = value;
    }
    return out;
  }
}
