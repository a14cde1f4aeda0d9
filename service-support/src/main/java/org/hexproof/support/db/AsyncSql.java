package org.hexproof.support.db;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Statements that do not block the calling thread, for request handlers that run on an event loop:
 * each statement runs on a pooled connection of its own, in auto-commit mode, and the returned
 * future completes on the driver's thread once the statement has ended and the connection is back
 * in the pool. The same rules as {@link Sql}: positional {@code $n} arguments, none null; the whole
 * statement, connection acquisition included, is bounded by the timeout given at construction
 * ({@link R2dbcTimeoutException}); other failures complete the future with the driver's exception
 * unchanged (not wrapped).
 *
 * <p>Work that needs several statements in one transaction stays with {@link Sql} on a thread of
 * its own.
 */
public final class AsyncSql {
  private final ConnectionFactory connectionFactory;
  private final Duration timeout;

  /**
   * @param connectionFactory usually the pooled bean from {@link DatabaseFactory}
   * @param timeout longest time for one statement, from acquiring its connection to closing it
   */
  public AsyncSql(ConnectionFactory connectionFactory, Duration timeout) {
    this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Runs one statement that returns rows ({@code SELECT}, or {@code INSERT … RETURNING}).
   *
   * @param sql the statement with {@code $n} placeholders
   * @param mapper maps each row
   * @param args one non-null argument per placeholder
   * @param <T> row type
   * @return the mapped rows in order
   */
  public <T> CompletableFuture<List<T>> query(String sql, Sql.RowMapper<T> mapper, Object... args) {
    return Mono.usingWhen(
            connectionFactory.create(),
            (Connection c) ->
                Flux.from(ConnectionStatements.bind(c.createStatement(sql), args).execute())
                    .flatMap(result -> result.map((row, metadata) -> mapper.map(row)))
                    .collectList(),
            Connection::close)
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> Sql.timedOut(timeout, e))
        .toFuture();
  }
}
