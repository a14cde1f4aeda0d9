package org.hexproof.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hexproof.support.db.Sql;
import reactor.core.publisher.Flux;

/**
 * The {@code COPY … FROM STDIN} way of {@link PostgresFloor}'s least work (text format, PostgreSQL
 * "COPY" §File Formats: tab-separated, backslash escapes, {@code bytea} as {@code \\x} hex): per
 * chunk of 500, the report rows in one COPY; then in one transaction their verdict rows in one
 * COPY, the closed flags in one {@code UPDATE … = ANY}, and the chunk's feed entries in one COPY.
 */
final class PostgresFloorCopy {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private PostgresFloorCopy() {}

  static PostgresFloor.Floor measure(
      Sql sql, String postgresMarker, List<Object[]> rows, List<String> entries) {
    sql.withConnection(
        h -> {
          h.script(
              "CREATE TABLE bench_floor.copy_report (LIKE poc.witness_report INCLUDING ALL);"
                  + " CREATE TABLE bench_floor.copy_verdict (LIKE poc.verdict INCLUDING ALL);"
                  + " CREATE TABLE bench_floor.copy_feed (LIKE poc.feed INCLUDING ALL);");
          return null;
        });
    ProcessCpu cpu = ProcessCpu.start(postgresMarker);
    long start = System.nanoTime();
    for (int from = 0; from < rows.size(); from += PostgresFloor.CHUNK) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + PostgresFloor.CHUNK));
      StringBuilder text = new StringBuilder(chunk.size() * 600);
      for (Object[] r : chunk) {
        text.append(r[0]).append('\t').append(r[1]).append('\t').append(r[2]);
        text.append("\t\\\\x").append(r[3]).append('\t').append(r[4]).append('\t').append(r[5]);
        text.append('\t').append(r[6]).append('\t').append(r[7]);
        text.append("\t\\\\x").append(r[8]).append('\n');
      }
      sql.withConnection(
          h ->
              copy(
                  h,
                  "COPY bench_floor.copy_report (report_id, hotspot_key, received_at, data,"
                      + " signal_ddbm, snr_ddb, frequency_hz, datarate, signed_report) FROM STDIN",
                  text));
    }
    for (int from = 0; from < rows.size(); from += PostgresFloor.CHUNK) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + PostgresFloor.CHUNK));
      int first = from;
      String now = Instant.now().toString();
      sql.runInTransaction(
          tx -> {
            StringBuilder verdicts = new StringBuilder(chunk.size() * 100);
            String[] ids = new String[chunk.size()];
            for (int i = 0; i < chunk.size(); i++) {
              ids[i] = (String) chunk.get(i)[0];
              verdicts.append(ids[i]).append("\twitness\tvalid\t\t0.25\t").append(now);
              verdicts.append("\t1\n");
            }
            copy(
                tx,
                "COPY bench_floor.copy_verdict (report_id, kind, verdict, detail, reward_unit,"
                    + " verified_at, feed_id) FROM STDIN",
                verdicts);
            tx.update(
                "UPDATE bench_floor.copy_report SET closed = true WHERE report_id = ANY($1)",
                (Object) ids);
            int feedFrom = Math.min(entries.size(), first / 5);
            int feedTo = Math.min(entries.size(), (first + chunk.size()) / 5);
            StringBuilder feed = new StringBuilder();
            for (int i = feedFrom; i < feedTo; i++) {
              feed.append(i).append("\tb").append(i).append('\t').append(now).append('\t');
              escape(entries.get(i), feed);
              feed.append('\n');
            }
            if (feedTo > feedFrom) {
              copy(
                  tx,
                  "COPY bench_floor.copy_feed (id, beacon_report_id, verified_at, entry)"
                      + " FROM STDIN",
                  feed);
            }
          });
    }
    long wall = System.nanoTime() - start;
    return new PostgresFloor.Floor(rows.size(), wall / 1e9, cpu.stop());
  }

  /** Text-format escapes of one field (PostgreSQL COPY §File Formats, text format). */
  static void escape(String field, StringBuilder out) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  private static long copy(Sql.Handle h, String statement, CharSequence rows) {
    ByteBuf bytes = Unpooled.wrappedBuffer(rows.toString().getBytes(StandardCharsets.UTF_8));
    return Sql.await(postgres(h.connection()).copyIn(statement, Flux.just(bytes)), TIMEOUT)
        .orElse(0L);
  }

  /** The driver's connection under the pool's wrapper. */
  private static PostgresqlConnection postgres(Connection connection) {
    Object at = connection;
    while (at instanceof Wrapped<?> wrapped && !(at instanceof PostgresqlConnection)) {
      at = wrapped.unwrap();
    }
    if (at instanceof PostgresqlConnection postgres) {
      return postgres;
    }
    throw new IllegalStateException("COPY needs an r2dbc-postgresql connection, got " + at);
  }
}
