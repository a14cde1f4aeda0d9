package org.hexproof.support.db;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MigrationsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static EmbeddedDatabase db;
  private static ConnectionPool pool;
  private static Sql sql;

  @BeforeAll
  static void start() {
    db = EmbeddedDatabase.start(Optional.empty());
    pool = ConnectionPools.open(db.url(), 4, TIMEOUT);
    sql = new Sql(pool, TIMEOUT);
  }

  @AfterAll
  static void stop() {
    if (pool != null) {
      pool.dispose();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void appliesTheClasspathSetOnceAndRecordsIt() {
    Migrations migrations = new Migrations(pool, TIMEOUT);

    MigrationReport first = migrations.apply("support_test");

    assertThat(first).isEqualTo(new MigrationReport("support_test", List.of(1, 2), 2));
    assertThat(
            sql.query(
                "SELECT name FROM support_test.item ORDER BY id", row -> row.get(0, String.class)))
        .containsExactly("antenna", "gateway");
    MigrationSet set = MigrationSet.fromClasspath(getClass().getClassLoader(), "support_test");
    assertThat(
            sql.query(
                "SELECT version, description, checksum, applied_at IS NOT NULL AS stamped"
                    + " FROM support_test.schema_history ORDER BY version",
                row ->
                    row.get("version", Integer.class)
                        + "|"
                        + row.get("description", String.class)
                        + "|"
                        + row.get("checksum", String.class)
                        + "|"
                        + row.get("stamped", Boolean.class)))
        .containsExactly(
            "1|create item|" + set.scripts().get(0).checksum() + "|true",
            "2|seed items|" + set.scripts().get(1).checksum() + "|true");

    MigrationReport second = migrations.apply("support_test");

    assertThat(second).isEqualTo(new MigrationReport("support_test", List.of(), 2));
    assertThat(
            sql.queryOne("SELECT count(*) FROM support_test.item", row -> row.get(0, Long.class)))
        .contains(2L);
  }

  @Test
  void laterVersionsApplyOnTopOfEarlierOnes() {
    Migrations migrations = new Migrations(pool, TIMEOUT);
    MigrationScript v1 = script("V1__create.sql", "CREATE TABLE t (id integer);");
    MigrationScript v2 = script("V2__fill.sql", "INSERT INTO t VALUES (1), (2);");

    assertThat(migrations.apply(new MigrationSet("growing", List.of(v1))).applied())
        .containsExactly(1);
    assertThat(migrations.apply(new MigrationSet("growing", List.of(v1, v2))))
        .isEqualTo(new MigrationReport("growing", List.of(2), 2));
  }

  @Test
  void changedChecksumOfAnAppliedFileFailsNamingTheFile() {
    Migrations migrations = new Migrations(pool, TIMEOUT);
    migrations.apply(
        new MigrationSet(
            "edited", List.of(script("V1__create_thing.sql", "CREATE TABLE thing (id int);"))));

    MigrationSet edited =
        new MigrationSet(
            "edited",
            List.of(
                script("V1__create_thing.sql", "CREATE TABLE thing (id bigint);"),
                script("V2__more.sql", "CREATE TABLE more (id int);")));

    assertThatThrownBy(() -> migrations.apply(edited))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining(
            "schema edited: V1__create_thing.sql was changed after it was applied");
    assertThat(
            sql.queryOne(
                "SELECT max(version) FROM edited.schema_history", row -> row.get(0, Integer.class)))
        .as("nothing new is applied after a checksum failure")
        .contains(1);
  }

  @Test
  void failingFileRollsBackAndFailsNamingTheFile() {
    Migrations migrations = new Migrations(pool, TIMEOUT);
    MigrationSet set =
        new MigrationSet(
            "broken",
            List.of(
                script("V1__ok.sql", "CREATE TABLE ok (id int);"),
                script("V2__typo.sql", "CREATE TABLE half (id int);\nCREAT TABLE oops (id int);")));

    assertThatThrownBy(() -> migrations.apply(set))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("schema broken: V2__typo.sql failed");
    assertThat(
            sql.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'broken'"
                    + " ORDER BY table_name",
                row -> row.get(0, String.class)))
        .containsExactly("ok", "schema_history");
  }

  @Test
  void concurrentRunnersApplyEachFileOnce() throws Exception {
    MigrationSet set =
        new MigrationSet(
            "raced",
            List.of(
                script("V1__create.sql", "CREATE TABLE counter (applied_by text NOT NULL);"),
                script(
                    "V2__insert.sql",
                    "SELECT pg_sleep(0.2);\n"
                        + "INSERT INTO counter VALUES (current_setting('application_name'));")));
    int runners = 4;
    List<ConnectionPool> pools = new ArrayList<>();
    ExecutorService executor = Executors.newFixedThreadPool(runners);
    try {
      for (int i = 0; i < runners; i++) {
        // one pool per runner, as separate processes would have
        pools.add(ConnectionPools.open(db.url(), 1, TIMEOUT));
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Future<MigrationReport>> reports = new ArrayList<>();
      for (ConnectionPool runnerPool : pools) {
        reports.add(
            executor.submit(
                () -> {
                  go.await();
                  return new Migrations(runnerPool, TIMEOUT).apply(set);
                }));
      }
      go.countDown();
      List<Integer> appliedAcrossRunners = new ArrayList<>();
      for (Future<MigrationReport> report : reports) {
        MigrationReport r = report.get(30, TimeUnit.SECONDS);
        assertThat(r.currentVersion()).isEqualTo(2);
        appliedAcrossRunners.addAll(r.applied());
      }

      assertThat(appliedAcrossRunners).containsExactlyInAnyOrder(1, 2);
      assertThat(sql.queryOne("SELECT count(*) FROM raced.counter", row -> row.get(0, Long.class)))
          .contains(1L);
      assertThat(
              sql.queryOne(
                  "SELECT count(*) FROM raced.schema_history", row -> row.get(0, Long.class)))
          .contains(2L);
    } finally {
      executor.shutdownNow();
      pools.forEach(ConnectionPool::dispose);
    }
  }

  private static MigrationScript script(String name, String text) {
    return MigrationScript.of(name, text.getBytes(UTF_8));
  }
}
