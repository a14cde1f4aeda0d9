package org.hexproof.support.db;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.Row;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Blocking access to PostgreSQL for code that runs on its own thread: startup (migrations, seed
 * data), workers and schedulers. Every wait is bounded by the timeout given at construction; a
 * timeout throws {@link R2dbcTimeoutException}, other failures throw the driver's {@link
 * io.r2dbc.spi.R2dbcException} unchanged (infrastructure failures are thrown, never turned into
 * results).
 *
 * <pre>{@code
 * Sql sql = new Sql(connectionFactory, Duration.ofSeconds(10));
 * long n = sql.update("INSERT INTO poc.beacon (id, at) VALUES ($1, $2)", id, at);
 * List<String> ids = sql.query("SELECT id FROM poc.beacon", row -> row.get("id", String.class));
 * sql.inTransaction(tx -> { tx.update(...); tx.update(...); return null; });
 * }</pre>
 *
 * <p>Parameters are positional ({@code $1}, {@code $2}, …) and bound in order. A null argument is
 * rejected: bind a typed null with {@code io.r2dbc.spi.Parameters.in(String.class)}.
 *
 * <p><b>Never call these methods on an event-loop thread</b> (a controller method without
 * {@code @ExecuteOn(TaskExecutors.BLOCKING)}, a Reactor or Netty callback): blocking there stalls
 * every request on that loop. In controllers, either annotate the method with
 * {@code @ExecuteOn(TaskExecutors.BLOCKING)} and use this class, or stay reactive and return the
 * publisher, closing the connection with {@code Mono.usingWhen}:
 *
 * <pre>{@code
 * @Get("/beacons/count")
 * Mono<Long> count() {
 *   return Mono.usingWhen(
 *       connectionFactory.create(),
 *       c -> Mono.from(c.createStatement("SELECT count(*) FROM poc.beacon").execute())
 *           .flatMap(r -> Mono.from(r.map((row, meta) -> row.get(0, Long.class)))),
 *       Connection::close);
 * }
 * }</pre>
 */
public final class Sql {
  private final ConnectionFactory connectionFactory;
  private final Duration timeout;

  /**
   * Creates a helper.
   *
   * @param connectionFactory usually the pooled bean from {@link DatabaseFactory}
   * @param timeout longest wait for any single step (acquire, statement, commit)
   */
  public Sql(ConnectionFactory connectionFactory, Duration timeout) {
    this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** Work run with one connection. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Runs.
     *
     * @param handle blocking view of the connection, valid only inside this call
     * @return the result
     */
    T run(Handle handle);
  }

  /** Maps one row; must not return null. */
  @FunctionalInterface
  public interface RowMapper<T> {
    /**
     * Maps.
     *
     * @param row the current row, valid only inside this call
     * @return the mapped value, never null
     */
    T map(Row row);
  }

  /**
   * Waits for the first element of a publisher.
   *
   * @param publisher e.g. {@code connection.close()} or a mapped result
   * @param timeout longest wait
   * @param <T> element type
   * @return the first element, or empty when the publisher completes without one
   * @throws R2dbcTimeoutException after {@code timeout}
   */
  public static <T> Optional<T> await(Publisher<T> publisher, Duration timeout) {
    return Mono.from(publisher)
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> timedOut(timeout, e))
        .blockOptional();
  }

  /**
   * Waits for all elements of a publisher.
   *
   * @param publisher the publisher
   * @param timeout longest wait for completion
   * @param <T> element type
   * @return the elements in order
   * @throws R2dbcTimeoutException after {@code timeout}
   */
  public static <T> List<T> awaitAll(Publisher<T> publisher, Duration timeout) {
    return Flux.from(publisher)
        .collectList()
        .timeout(timeout)
        .onErrorMap(TimeoutException.class, e -> timedOut(timeout, e))
        .block();
  }

  /**
   * Runs {@code work} with one pooled connection, in auto-commit mode.
   *
   * @param work the work
   * @param <T> result type
   * @return what {@code work} returned
   */
  public <T> T withConnection(Work<T> work) {
    Connection connection = acquire();
    T result;
    try {
      result = work.run(new Handle(connection, timeout));
    } catch (RuntimeException | Error e) {
      try {
        await(connection.close(), timeout);
      } catch (RuntimeException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
    await(connection.close(), timeout);
    return result;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   *
   * @param work the work
   * @param <T> result type
   * @return what {@code work} returned
   */
  public <T> T inTransaction(Work<T> work) {
    return withConnection(
        handle -> {
          Connection connection = handle.connection();
          await(connection.beginTransaction(), timeout);
          T result;
          try {
            result = work.run(handle);
          } catch (RuntimeException | Error e) {
            try {
              await(connection.rollbackTransaction(), timeout);
            } catch (RuntimeException rollbackFailure) {
              e.addSuppressed(rollbackFailure);
            }
            throw e;
          }
          await(connection.commitTransaction(), timeout);
          return result;
        });
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   *
   * @param work the work, returning nothing
   */
  public void runInTransaction(Consumer<Handle> work) {
    inTransaction(
        handle -> {
          work.accept(handle);
          return Boolean.TRUE;
        });
  }

  /**
   * Runs one statement on its own connection.
   *
   * @param sql INSERT, UPDATE, DELETE or DDL with {@code $n} placeholders
   * @param args one non-null argument per placeholder
   * @return rows affected
   */
  public long update(String sql, Object... args) {
    return withConnection(h -> h.update(sql, args));
  }

  /**
   * Runs one query on its own connection.
   *
   * @param sql the query with {@code $n} placeholders
   * @param mapper maps each row
   * @param args one non-null argument per placeholder
   * @param <T> row type
   * @return the mapped rows in order
   */
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    return withConnection(h -> h.query(sql, mapper, args));
  }

  /**
   * Runs one query expected to return at most one row.
   *
   * @param sql the query with {@code $n} placeholders
   * @param mapper maps the row
   * @param args one non-null argument per placeholder
   * @param <T> row type
   * @return the row, or empty
   * @throws IllegalStateException when more than one row arrives
   */
  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
    return withConnection(h -> h.queryOne(sql, mapper, args));
  }

  /**
   * The same database without blocking: for request handlers on an event loop.
   *
   * @return statements on this helper's connection factory, with its timeout
   */
  public AsyncSql async() {
    return new AsyncSql(connectionFactory, timeout);
  }

  private Connection acquire() {
    return await(connectionFactory.create(), timeout)
        .orElseThrow(() -> new IllegalStateException("connection factory completed empty"));
  }

  static R2dbcTimeoutException timedOut(Duration timeout, Throwable cause) {
    return new R2dbcTimeoutException("database did not answer within " + timeout, cause);
  }

  /**
   * Blocking view of one connection, handed to {@link Work}: the statements of {@link
   * ConnectionStatements}, each wait bounded by this helper's timeout.
   */
  public static final class Handle extends ConnectionStatements {
    Handle(Connection connection, Duration timeout) {
      super(connection, timeout);
    }
  }
}
