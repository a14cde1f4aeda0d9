package org.hexproof.support.db;

import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a schema's versioned SQL files (see {@link MigrationSet} for where they live) and records
 * them in {@code <schema>.schema_history (version, description, checksum, applied_at)}.
 *
 * <ul>
 *   <li>Creates the schema and the history table if missing.
 *   <li>Before applying anything, compares every already-applied file's SHA-256 with the recorded
 *       one; a changed file fails with a {@link MigrationException} naming it. Applied files are
 *       never edited: add a new version instead.
 *   <li>Applies each pending file in its own transaction, together with its history row, with
 *       {@code search_path} set to the schema (unqualified names land in it). A file therefore must
 *       not contain {@code BEGIN}/{@code COMMIT} or statements that can't run in a transaction
 *       ({@code CREATE INDEX CONCURRENTLY}).
 *   <li>Every transaction first takes {@code pg_advisory_xact_lock(hashtext(schema))}, so processes
 *       starting together serialise and each file is applied exactly once; services with different
 *       schemas don't wait for each other.
 *   <li>Versions recorded in the database but unknown to this build (a newer build ran) are left
 *       alone; {@link MigrationReport#currentVersion()} shows them.
 * </ul>
 *
 * <p>Blocking: call it at startup (an eager bean's constructor or a startup listener), before the
 * service takes traffic, never on an event loop.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private final Sql sql;

  /**
   * Creates a migrator.
   *
   * @param connectionFactory the database
   * @param timeout longest time for one step, including running one migration file
   */
  public Migrations(ConnectionFactory connectionFactory, Duration timeout) {
    this.sql = new Sql(connectionFactory, timeout);
  }

  /**
   * Loads {@code db/migration/<schema>/} from the class path and applies it.
   *
   * @param schema schema name, e.g. {@code poc}
   * @return what was applied
   * @throws MigrationException when the files are invalid or an applied file changed
   */
  public MigrationReport apply(String schema) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return apply(
        MigrationSet.fromClasspath(
            loader != null ? loader : Migrations.class.getClassLoader(), schema));
  }

  /**
   * Applies a loaded set.
   *
   * @param set the files
   * @return what was applied
   * @throws MigrationException when an applied file changed
   */
  public MigrationReport apply(MigrationSet set) {
    String schema = set.schema();
    String history = schema + ".schema_history";
    sql.runInTransaction(
        tx -> {
          lock(tx, schema);
          tx.script(
              "CREATE SCHEMA IF NOT EXISTS "
                  + schema
                  + ";\nCREATE TABLE IF NOT EXISTS "
                  + history
                  + " (version integer PRIMARY KEY, description text NOT NULL,"
                  + " checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        });

    Map<Integer, String> recorded = new TreeMap<>();
    sql.query(
            "SELECT version, checksum FROM " + history,
            row -> Map.entry(row.get("version", Integer.class), row.get("checksum", String.class)))
        .forEach(e -> recorded.put(e.getKey(), e.getValue()));
    for (MigrationScript script : set.scripts()) {
      String checksum = recorded.get(script.version());
      if (checksum != null) {
        verify(schema, script, checksum);
      }
    }

    List<Integer> applied = new ArrayList<>();
    for (MigrationScript script : set.scripts()) {
      if (recorded.containsKey(script.version())) {
        continue;
      }
      boolean didApply =
          sql.inTransaction(
              tx -> {
                lock(tx, schema);
                Optional<String> existing =
                    tx.queryOne(
                        "SELECT checksum FROM " + history + " WHERE version = $1",
                        row -> row.get("checksum", String.class),
                        script.version());
                if (existing.isPresent()) {
                  verify(schema, script, existing.get());
                  return false;
                }
                tx.update("SET LOCAL search_path TO " + schema);
                try {
                  tx.script(script.sql());
                } catch (R2dbcException e) {
                  if (DatabaseFailures.isUnavailable(e)) {
                    throw e;
                  }
                  throw new MigrationException(
                      "schema " + schema + ": " + script.fileName() + " failed: " + e.getMessage(),
                      e);
                }
                tx.update(
                    "INSERT INTO "
                        + history
                        + " (version, description, checksum) VALUES ($1, $2, $3)",
                    script.version(),
                    script.description(),
                    script.checksum());
                return true;
              });
      if (didApply) {
        LOG.info("schema {}: applied {}", schema, script.fileName());
        applied.add(script.version());
      }
    }
    int current =
        sql.queryOne(
                "SELECT coalesce(max(version), 0) AS v FROM " + history,
                row -> row.get("v", Integer.class))
            .orElse(0);
    if (current > set.latestVersion()) {
      LOG.warn(
          "schema {} is at version {}, newer than this build's {}",
          schema,
          current,
          set.latestVersion());
    }
    return new MigrationReport(schema, applied, current);
  }

  private static void lock(Sql.Handle tx, String schema) {
    tx.update("SELECT pg_advisory_xact_lock(hashtext($1))", schema);
  }

  private static void verify(String schema, MigrationScript script, String recordedChecksum) {
    if (!Objects.equals(recordedChecksum, script.checksum())) {
      throw new MigrationException(
          "schema "
              + schema
              + ": "
              + script.fileName()
              + " was changed after it was applied (recorded SHA-256 "
              + recordedChecksum
              + ", file now "
              + script.checksum()
              + "); never edit an applied migration, add a new version instead");
    }
  }
}
