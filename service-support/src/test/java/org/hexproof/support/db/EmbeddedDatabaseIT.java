package org.hexproof.support.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.r2dbc.pool.ConnectionPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Test
  void temporaryServerListensOnLoopbackAndDeletesItsDataAtClose() {
    Path dataDirectory;
    try (EmbeddedDatabase db = EmbeddedDatabase.start(Optional.empty())) {
      assertThat(db.persistentDirectory()).isEmpty();
      assertThat(db.url().redacted())
          .isEqualTo("r2dbc:postgresql://postgres@localhost:" + db.port() + "/postgres");
      ConnectionPool pool = ConnectionPools.open(db.url(), 2, TIMEOUT);
      try {
        Sql sql = new Sql(pool, TIMEOUT);
        assertThat(sql.queryOne("SHOW listen_addresses", row -> row.get(0, String.class)))
            .contains("localhost");
        assertThat(sql.queryOne("SELECT version()", row -> row.get(0, String.class)))
            .hasValueSatisfying(v -> assertThat(v).startsWith("PostgreSQL 14"));
        dataDirectory =
            Path.of(sql.queryOne("SHOW data_directory", row -> row.get(0, String.class)).get());
        assertThat(dataDirectory).isDirectory();
      } finally {
        pool.dispose();
      }
    }
    assertThat(Files.exists(dataDirectory)).isFalse();
  }

  @Test
  void persistentDataDirectoryKeepsRowsAcrossRestart(@TempDir Path parent) {
    Path directory = parent.resolve("hexproof").resolve("postgres");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(Optional.of(directory))) {
      ConnectionPool pool = ConnectionPools.open(db.url(), 2, TIMEOUT);
      try {
        Sql sql = new Sql(pool, TIMEOUT);
        sql.update("CREATE TABLE kept (id integer PRIMARY KEY, note text NOT NULL)");
        sql.update("INSERT INTO kept VALUES ($1, $2)", 7, "survives restart");
      } finally {
        pool.dispose();
      }
    }
    assertThat(directory.resolve("PG_VERSION")).isRegularFile();

    try (EmbeddedDatabase db = EmbeddedDatabase.start(Optional.of(directory))) {
      ConnectionPool pool = ConnectionPools.open(db.url(), 2, TIMEOUT);
      try {
        assertThat(
                new Sql(pool, TIMEOUT)
                    .queryOne(
                        "SELECT note FROM kept WHERE id = $1", row -> row.get(0, String.class), 7))
            .contains("survives restart");
      } finally {
        pool.dispose();
      }
    }
  }

  @Test
  void queriesDuringAnOutageFailAsUnavailable() {
    EmbeddedDatabase db = EmbeddedDatabase.start(Optional.empty());
    ConnectionPool pool = ConnectionPools.open(db.url(), 2, Duration.ofSeconds(2));
    try {
      db.close();
      Throwable failure =
          catchThrowable(
              () ->
                  new Sql(pool, Duration.ofSeconds(3))
                      .queryOne("SELECT 1", row -> row.get(0, Integer.class)));

      assertThat(failure).isNotNull();
      assertThat(DatabaseFailures.isUnavailable(failure)).as(failure.toString()).isTrue();
    } finally {
      pool.dispose();
      db.close();
    }
  }
}
