package org.hexproof.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.Sql;

/**
 * Where the oracle's PostgreSQL time goes, statement by statement ({@code pg_stat_statements},
 * which the embedded binaries carry): opt in with {@code -Dbench.oracle.statements=true}. The
 * cluster is created before the oracle starts so that its {@code postgresql.conf} can preload the
 * module.
 */
final class StatementProfile {
  /** The opt-in property, read by the load generator and passed on to the oracle's JVM. */
  static final String PROPERTY = "bench.oracle.statements";

  private StatementProfile() {}

  static boolean enabled() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** Creates the cluster in {@code dataDir} and makes it preload {@code pg_stat_statements}. */
  static void prepare(Path dataDir) throws IOException {
    EmbeddedDatabase.start(Optional.of(dataDir)).close();
    Files.writeString(
        dataDir.resolve("postgresql.conf"),
        "\nshared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = all\n",
        StandardOpenOption.APPEND);
  }

  /** Forgets what was counted so far (after the warm-up). */
  static void reset(Sql sql) {
    sql.update("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    sql.queryOne("SELECT pg_stat_statements_reset() IS NULL AS done", r -> r.get(0, Boolean.class));
  }

  /**
   * The statements that took the most execution time since the reset, per {@code per} units of work
   * (e.g. verdicts): total µs per unit, calls, rows and the statement's first characters.
   */
  static List<String> top(Sql sql, int limit, long per) {
    return sql.query(
        "SELECT total_exec_time, calls, rows, regexp_replace(query, '\\s+', ' ', 'g') AS q"
            + " FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT $1",
        r ->
            String.format(
                Locale.ROOT,
                "%8.1f µs/unit %8d calls %9d rows  %.110s",
                r.get(0, Double.class) * 1000.0 / per,
                r.get(1, Long.class),
                r.get(2, Long.class),
                r.get(3, String.class)),
        limit);
  }
}
