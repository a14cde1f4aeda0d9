package org.hexproof.fieldtests.reliability;

import io.r2dbc.pool.ConnectionPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hexproof.support.db.ConnectionPools;
import org.hexproof.support.db.DatabaseUrl;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.Migrations;
import org.hexproof.support.db.Sql;

/**
 * An embedded PostgreSQL cluster (zonky, as the services start it) owned by the test, so that it
 * outlives the service processes, and that the test can stop ({@code pg_ctl stop -m fast}) and
 * start again on the same port and data directory with the same server options (read back from the
 * cluster's {@code postmaster.opts}).
 */
final class PostgresServer implements AutoCloseable {
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final EmbeddedDatabase database;
  private final Path dataDir;
  private final Path pgCtl;
  private final List<String> serverOptions;
  private final ConnectionPool pool;
  private final Sql sql;
  private boolean running = true;

  private PostgresServer(EmbeddedDatabase database, Path dataDir) throws IOException {
    this.database = database;
    this.dataDir = dataDir;
    // e.g. /tmp/embedded-pg/PG-…/bin/postgres "-D" "/tmp/…" "-p" "41181" "-F" "-c" "…"
    String opts = Files.readString(dataDir.resolve("postmaster.opts"), StandardCharsets.UTF_8);
    String binary = opts.strip().split("\\s+", 2)[0].replace("\"", "");
    this.pgCtl = Path.of(binary).resolveSibling("pg_ctl");
    List<String> args = new ArrayList<>();
    Matcher m = QUOTED.matcher(opts);
    while (m.find()) {
      args.add(m.group(1));
    }
    int d = args.indexOf("-D");
    if (d >= 0) {
      args.subList(d, d + 2).clear();
    }
    this.serverOptions = List.copyOf(args);
    this.pool = ConnectionPools.open(database.url(), 4, TIMEOUT);
    this.sql = new Sql(pool, TIMEOUT);
  }

  /** Starts a cluster in {@code dataDir} (created). */
  static PostgresServer start(Path dataDir) {
    EmbeddedDatabase database = EmbeddedDatabase.start(Optional.of(dataDir));
    try {
      return new PostgresServer(database, dataDir.toAbsolutePath());
    } catch (IOException e) {
      database.close();
      throw new UncheckedIOException(e);
    }
  }

  DatabaseUrl url() {
    return database.url();
  }

  /** {@code postgresql://postgres@localhost:PORT/postgres}, as a service's DATABASE_URL. */
  String urlText() {
    return "postgresql://postgres@localhost:" + database.port() + "/postgres";
  }

  /** The test's own connections (they fail during an outage and reconnect afterwards). */
  Sql sql() {
    return sql;
  }

  /** Applies a module's schema migrations, as its service does when it starts. */
  void migrate(String schema) {
    new Migrations(pool, TIMEOUT).apply(schema);
  }

  /** Fast shutdown: open sessions are ended, the port closes. */
  void stop() {
    pgCtl("-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30", "stop");
    running = false;
  }

  /** Starts the stopped cluster on the same port and data directory; returns once it accepts. */
  void startAgain() {
    pgCtl(
        "-D",
        dataDir.toString(),
        "-w",
        "-t",
        "30",
        "-l",
        dataDir.resolveSibling(dataDir.getFileName() + "-restart.log").toString(),
        "-o",
        String.join(" ", serverOptions),
        "start");
    running = true;
  }

  private void pgCtl(String... args) {
    List<String> command = new ArrayList<>();
    // as zonky runs its binaries: PostgreSQL refuses to run as root, so root runs it in a user
    // namespace of its own, where it is not root
    command.add("unshare");
    command.add("-U");
    command.add(pgCtl.toString());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    pool.dispose();
    if (!running) {
      startAgain();
    }
    database.close();
  }
}
