package org.hexproof.support.db;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * The blocking statements of one connection, as {@link Sql.Handle} offers them inside {@link
 * Sql.Work}: updates, queries and scripts, each wait bounded by the {@link Sql}'s timeout.
 * Parameters are positional ({@code $1}, {@code $2}, …), bound in order, and never null.
 */
public sealed class ConnectionStatements permits Sql.Handle {
  private final Connection connection;
  private final Duration timeout;

  ConnectionStatements(Connection connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
  }

  /**
   * The underlying connection, for what this class doesn't cover (batches, savepoints).
   *
   * @return the connection; don't close it
   */
  public Connection connection() {
    return connection;
  }

  /**
   * Runs one statement.
   *
   * @param sql statement with {@code $n} placeholders
   * @param args one non-null argument per placeholder
   * @return rows affected (for a SELECT, the rows returned)
   */
  public long update(String sql, Object... args) {
    Flux<Long> counts =
        Flux.from(bind(connection.createStatement(sql), args).execute())
            .flatMap(Result::getRowsUpdated);
    return Sql.awaitAll(counts, timeout).stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Runs one query.
   *
   * @param sql query with {@code $n} placeholders
   * @param mapper maps each row
   * @param args one non-null argument per placeholder
   * @param <T> row type
   * @return the mapped rows in order
   */
  public <T> List<T> query(String sql, Sql.RowMapper<T> mapper, Object... args) {
    Flux<T> rows =
        Flux.from(bind(connection.createStatement(sql), args).execute())
            .flatMap(result -> result.map((row, metadata) -> mapper.map(row)));
    return Sql.awaitAll(rows, timeout);
  }

  /**
   * Runs one query expected to return at most one row.
   *
   * @param sql query with {@code $n} placeholders
   * @param mapper maps the row
   * @param args one non-null argument per placeholder
   * @param <T> row type
   * @return the row, or empty
   * @throws IllegalStateException when more than one row arrives
   */
  public <T> Optional<T> queryOne(String sql, Sql.RowMapper<T> mapper, Object... args) {
    List<T> rows = query(sql, mapper, args);
    if (rows.size() > 1) {
      throw new IllegalStateException("expected at most one row, got " + rows.size());
    }
    return rows.stream().findFirst();
  }

  /**
   * Runs a script of several statements separated by semicolons, without parameters, through
   * PostgreSQL's simple query protocol (dollar-quoted function bodies are fine).
   *
   * @param script the SQL text
   */
  public void script(String script) {
    Flux<Long> counts =
        Flux.from(connection.createBatch().add(script).execute()).flatMap(Result::getRowsUpdated);
    Sql.awaitAll(counts, timeout);
  }

  static Statement bind(Statement statement, Object... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == null) {
        throw new NullPointerException(
            "argument $" + (i + 1) + " is null; bind a typed null with Parameters.in(Type.class)");
      }
      statement.bind(i, args[i]);
    }
    return statement;
  }
}
