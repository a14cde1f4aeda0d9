package org.hexproof.rewards.close;

import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hexproof.support.db.ConnectionPools;
import org.hexproof.support.db.DatabaseUrl;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.Migrations;
import org.hexproof.support.db.Sql;

/**
 * One embedded PostgreSQL per test JVM, and a fresh, migrated database on it per test: tests do not
 * see each other's ledgers, and only the first pays for the server start.
 */
public final class RewardsDatabase implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedDatabase server;

  private final DatabaseUrl url;
  private final ConnectionPool pool;
  private final Sql sql;

  private RewardsDatabase(DatabaseUrl url) {
    this.url = url;
    this.pool = ConnectionPools.open(url, 6, TIMEOUT);
    this.sql = new Sql(pool, TIMEOUT);
  }

  /**
   * Creates a fresh database with the rewards schema.
   *
   * @return it; close it after the test
   */
  public static synchronized RewardsDatabase fresh() {
    if (server == null) {
      server = EmbeddedDatabase.start(Optional.empty());
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    String name = "rewards_test_" + NEXT.incrementAndGet();
    ConnectionPool admin = ConnectionPools.open(server.url(), 1, TIMEOUT);
    try {
      new Sql(admin, TIMEOUT).update("CREATE DATABASE " + name);
    } finally {
      admin.dispose();
    }
    DatabaseUrl base = server.url();
    RewardsDatabase db =
        new RewardsDatabase(
            new DatabaseUrl(base.host(), base.port(), name, base.user(), null, Map.of()));
    new Migrations(db.pool, TIMEOUT).apply("rewards");
    return db;
  }

  /**
   * Where it is.
   *
   * @return the URL
   */
  public DatabaseUrl url() {
    return url;
  }

  /**
   * Blocking access.
   *
   * @return the helper
   */
  public Sql sql() {
    return sql;
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
