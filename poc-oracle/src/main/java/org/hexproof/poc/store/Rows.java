package org.hexproof.poc.store;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Conversions between PostgreSQL values and the oracle's Java values. */
public final class Rows {
  private Rows() {}

  /** A timestamptz column as an instant, empty when NULL. */
  public static Optional<Instant> instant(Row row, String column) {
    return Optional.ofNullable(row.get(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  /** A NOT NULL timestamptz column. */
  public static Instant requiredInstant(Row row, String column) {
    return instant(row, column).orElseThrow(() -> new IllegalStateException(column + " is NULL"));
  }

  /** A bind value for a timestamptz; PostgreSQL keeps microseconds, the oracle milliseconds. */
  public static OffsetDateTime bind(Instant at) {
    return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), java.time.ZoneOffset.UTC);
  }

  /** A bind value for a nullable column. */
  public static Object nullable(Object value, Class<?> type) {
    return value == null ? Parameters.in(type) : value;
  }

  /** The NOT NULL {@code received_at} column. */
  public static Instant receivedAt(Row row) {
    return requiredInstant(row, "received_at");
  }

  /** A NOT NULL text column. */
  public static String requiredString(Row row, String column) {
    return required(row, column, String.class);
  }

  /** A NOT NULL column. */
  public static <T> T required(Row row, String column, Class<T> type) {
    T value = row.get(column, type);
    if (value == null) {
      throw new IllegalStateException(column + " is NULL");
    }
    return value;
  }
}
