package org.hexproof.poc.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.hexproof.support.db.Migrations;
import org.hexproof.support.db.Sql;

/**
 * The oracle's schema: applies {@code db/migration/poc} eagerly at startup, before the HTTP server
 * takes traffic, and hands out the blocking {@link Sql} helper the adapters use.
 */
@Context
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
public final class PocDatabase {
  /** Longest wait for one database step of a request or a worker statement. */
  static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

  private final Sql sql;

  /**
   * @param connectionFactory the pool
   * @param migrations the migrator
   */
  public PocDatabase(ConnectionFactory connectionFactory, Migrations migrations) {
    migrations.apply("poc");
    this.sql = new Sql(connectionFactory, STATEMENT_TIMEOUT);
  }

  /** Blocking access to the oracle's schema. */
  public Sql sql() {
    return sql;
  }
}
