package org.hexproof.support.db;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database beans.
 *
 * <ul>
 *   <li>{@link ConnectionPool} (inject it as {@link ConnectionFactory}): pooled, checked with
 *       {@code SELECT 1} when created, disposed at shutdown. Points at {@code
 *       hexproof.database.url}, else {@code DATABASE_URL}, else the embedded server.
 *   <li>{@link EmbeddedDatabase}: only when no URL is configured; stopped at shutdown, after the
 *       pool (it is the pool's dependency).
 *   <li>{@link Migrations} over the pool, with {@code migration-timeout}. (Workers build their own
 *       {@link Sql} with a timeout that fits their statements.)
 * </ul>
 *
 * <p>All beans are lazy singletons: the first injection point (typically the service's startup bean
 * that applies its migrations) connects, and a failure there stops startup.
 */
@Factory
public class DatabaseFactory {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFactory.class);

  /** Used by the bean context. */
  public DatabaseFactory() {}

  /**
   * Starts the embedded server.
   *
   * @param config data directory
   * @return the running server
   */
  @Singleton
  @Requires(condition = NoDatabaseUrlCondition.class)
  @Bean(preDestroy = "close")
  public EmbeddedDatabase embeddedDatabase(DatabaseConfig config) {
    return EmbeddedDatabase.start(config.embeddedDataDirectory());
  }

  /**
   * Opens the pool.
   *
   * @param config URL and pool settings
   * @param embedded the embedded server, present exactly when no URL is configured
   * @return the verified pool
   * @throws DatabaseUnavailableException when the server does not answer
   * @throws IllegalArgumentException when the URL is malformed
   */
  @Singleton
  @Bean(preDestroy = "dispose")
  public ConnectionPool connectionFactory(
      DatabaseConfig config, Optional<EmbeddedDatabase> embedded) {
    DatabaseUrl url =
        config
            .resolveUrl(Optional.ofNullable(System.getenv(DatabaseConfig.DATABASE_URL_ENV)))
            .or(() -> embedded.map(EmbeddedDatabase::url))
            .orElseThrow(
                () -> new IllegalStateException("no database URL and no embedded database"));
    ConnectionPool pool = ConnectionPools.open(url, config.poolMaxSize(), config.acquireTimeout());
    LOG.info("connected to PostgreSQL at {}", url);
    return pool;
  }

  /**
   * The migrator.
   *
   * @param connectionFactory the pool
   * @param config migration timeout
   * @return the migrator
   */
  @Singleton
  public Migrations migrations(ConnectionFactory connectionFactory, DatabaseConfig config) {
    return new Migrations(connectionFactory, config.migrationTimeout());
  }
}
