package org.hexproof.launcher;

import io.r2dbc.pool.ConnectionPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.hexproof.support.db.ConnectionPools;
import org.hexproof.support.db.DatabaseUrl;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.Sql;
import picocli.CommandLine;

/**
 * A service's database opened by an offline check ({@code ledger verify}, {@code oracle audit}):
 * the URL given, else the embedded server in the service's data directory (the service must be
 * stopped), with a small pool. Closing stops what was started.
 */
final class OfflineDatabase implements AutoCloseable {
  private final EmbeddedDatabase embedded;
  private final ConnectionPool pool;
  private final DatabaseUrl url;
  private final Sql sql;

  private OfflineDatabase(
      EmbeddedDatabase embedded, ConnectionPool pool, DatabaseUrl url, Sql sql) {
    this.embedded = embedded;
    this.pool = pool;
    this.url = url;
    this.sql = sql;
  }

  /**
   * Opens the database.
   *
   * @param cli for usage errors
   * @param databaseUrl the {@code --database-url} value, may be null or blank
   * @param embeddedDirectory the embedded server's data directory, used without a URL
   * @param timeout longest wait of any database step
   * @throws CommandLine.ParameterException for a URL that does not parse
   * @throws BadInputException without a URL and without the data directory
   */
  static OfflineDatabase open(
      CommandLine cli, String databaseUrl, Path embeddedDirectory, Duration timeout) {
    EmbeddedDatabase embedded = null;
    DatabaseUrl url;
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      try {
        url = DatabaseUrl.parse(databaseUrl);
      } catch (IllegalArgumentException e) {
        throw Options.bad(cli, "--database-url", "a PostgreSQL URL", e.getMessage());
      }
    } else {
      if (!Files.isDirectory(embeddedDirectory)) {
        throw new BadInputException(
            "no --database-url, no DATABASE_URL and no embedded data directory "
                + embeddedDirectory);
      }
      embedded = EmbeddedDatabase.start(Optional.of(embeddedDirectory));
      url = embedded.url();
    }
    try {
      ConnectionPool pool = ConnectionPools.open(url, 2, timeout);
      return new OfflineDatabase(embedded, pool, url, new Sql(pool, timeout));
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  /** Where it is. */
  DatabaseUrl url() {
    return url;
  }

  /** Blocking access. */
  Sql sql() {
    return sql;
  }

  @Override
  public void close() {
    try {
      pool.dispose();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
