package org.hexproof.rewards.store;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.hexproof.support.db.Sql;
import reactor.core.publisher.Flux;

/**
 * {@code COPY … FROM STDIN} (text format) on a transaction's own connection, so that an epoch's
 * rows commit with its ledger entry or not at all. Rows are rendered in chunks while earlier chunks
 * are on their way to the server; a million leaves never sit in memory as one text.
 */
final class CopyIn {
  /** Longest wait for one COPY: a million rows take seconds; this bounds a hung server. */
  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private static final int ROWS_PER_CHUNK = 2_000;

  private CopyIn() {}

  /** Renders row {@code i} as tab-separated text ending in a newline. */
  @FunctionalInterface
  interface RowText {
    /**
     * Appends one row.
     *
     * @param i the row index, 0 ≤ i &lt; count
     * @param out where to append; only ASCII without tab, newline or backslash inside fields
     */
    void append(int i, StringBuilder out);
  }

  /**
   * Copies rows into a table.
   *
   * @param h the transaction; not null
   * @param copy the statement, e.g. {@code COPY rewards.ledger_leaves (…) FROM STDIN}
   * @param count the number of rows, ≥ 0
   * @param row renders one row
   * @return the number of rows the server stored
   */
  static long rows(Sql.Handle h, String copy, int count, RowText row) {
    if (count == 0) {
      return 0;
    }
    Flux<ByteBuf> chunks =
        Flux.range(0, (count + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK)
            .map(
                c -> {
                  StringBuilder out = new StringBuilder(ROWS_PER_CHUNK * 160);
                  for (int i = c * ROWS_PER_CHUNK;
                      i < Math.min(count, (c + 1) * ROWS_PER_CHUNK);
                      i++) {
                    row.append(i, out);
                  }
                  return Unpooled.wrappedBuffer(out.toString().getBytes(StandardCharsets.US_ASCII));
                });
    return Sql.await(postgres(h.connection()).copyIn(copy, chunks), TIMEOUT).orElse(0L);
  }

  /** The driver's connection under the pool's wrapper. */
  private static PostgresqlConnection postgres(Connection connection) {
    Object at = connection;
    for (int depth = 0; depth < 8; depth++) {
      if (at instanceof PostgresqlConnection postgres) {
        return postgres;
      }
      if (!(at instanceof Wrapped<?> wrapped)) {
        break;
      }
      at = wrapped.unwrap();
    }
    throw new IllegalStateException(
        "COPY needs an r2dbc-postgresql connection, got " + connection.getClass().getName());
  }
}
