package org.hexproof.support.db;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;

/** Opens a verified r2dbc connection pool to PostgreSQL. */
public final class ConnectionPools {
  private ConnectionPools() {}

  /**
   * Opens a pool and checks with {@code SELECT 1} that the server answers; fails fast otherwise.
   *
   * <p>The driver is created directly, not through {@code ConnectionFactories} and its service
   * loader, so a fat jar needs no merged {@code META-INF/services}. Unless the URL sets {@code
   * connectTimeout}, connecting times out after {@code acquireTimeout}.
   *
   * @param url where the server is
   * @param maxSize most pooled connections
   * @param acquireTimeout longest wait for a connection, also the connect timeout
   * @return the open pool; close it with {@link ConnectionPool#dispose()}
   * @throws DatabaseUnavailableException when the server does not answer, naming the URL
   */
  public static ConnectionPool open(DatabaseUrl url, int maxSize, Duration acquireTimeout) {
    ConnectionFactoryOptions options = url.toOptions();
    if (!options.hasOption(ConnectionFactoryOptions.CONNECT_TIMEOUT)) {
      options =
          options.mutate().option(ConnectionFactoryOptions.CONNECT_TIMEOUT, acquireTimeout).build();
    }
    ConnectionFactory driver = new PostgresqlConnectionFactoryProvider().create(options);
    ConnectionPool pool =
        new ConnectionPool(
            ConnectionPoolConfiguration.builder(driver)
                .name("hexproof-" + url.database())
                .initialSize(1)
                .maxSize(maxSize)
                .maxAcquireTime(acquireTimeout)
                .maxCreateConnectionTime(acquireTimeout)
                .build());
    try {
      new Sql(pool, acquireTimeout.plusSeconds(1))
          .queryOne("SELECT 1 AS one", row -> row.get("one", Integer.class));
    } catch (RuntimeException e) {
      pool.dispose();
      throw new DatabaseUnavailableException(
          "PostgreSQL at "
              + url.redacted()
              + " is unreachable: "
              + rootMessage(e)
              + " (set hexproof.database.url or DATABASE_URL to a running server, or unset both"
              + " for an embedded one)",
          e);
    }
    return pool;
  }

  private static String rootMessage(Throwable e) {
    StringBuilder message = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && message.indexOf(t.getMessage()) < 0) {
        if (message.length() > 0) {
          message.append(": ");
        }
        message.append(t.getMessage());
      }
    }
    return message.length() == 0 ? e.getClass().getName() : message.toString();
  }
}
