package org.hexproof.support.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row whose insert was acknowledged survives the embedded server being killed (SIGKILL, no
 * shutdown), as an acknowledged report must: the server commits synchronously and with fsync.
 */
class EmbeddedDurabilityIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void the_server_commits_synchronously_and_with_fsync() {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(Optional.empty())) {
      ConnectionPool pool = ConnectionPools.open(db.url(), 1, TIMEOUT);
      try {
        Sql sql = new Sql(pool, TIMEOUT);
        assertThat(setting(sql, "fsync")).isEqualTo("on");
        assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
      } finally {
        pool.dispose();
      }
    }
  }

  @Test
  void acknowledged_rows_survive_a_killed_server() throws Exception {
    Path data = dir.resolve("pg");
    EmbeddedDatabase first = EmbeddedDatabase.start(Optional.of(data));
    ConnectionPool pool = ConnectionPools.open(first.url(), 8, TIMEOUT);
    Sql sql = new Sql(pool, TIMEOUT);
    sql.update("CREATE TABLE acked (id bigint PRIMARY KEY, pad text NOT NULL)");
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong next = new AtomicLong();
    List<Thread> writers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  long id = next.incrementAndGet();
                  try {
                    if (!sql.query(
                            "INSERT INTO acked (id, pad) VALUES ($1, repeat('x', 200))"
                                + " RETURNING id",
                            r -> r.get(0, Long.class),
                            id)
                        .isEmpty()) {
                      acknowledged.add(id);
                    }
                  } catch (RuntimeException e) {
                    return; // the server is gone
                  }
                }
              });
      t.start();
      writers.add(t);
    }
    Thread.sleep(1_500);
    long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0));
    ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
    server.descendants().forEach(ProcessHandle::destroyForcibly);
    server.destroyForcibly();
    server.onExit().get();
    stop.set(true);
    for (Thread t : writers) {
      t.join(TIMEOUT.toMillis());
    }
    pool.dispose();
    try {
      first.close();
    } catch (RuntimeException alreadyDead) {
      // pg_ctl finds no server to stop
    }
    assertThat(acknowledged).hasSizeGreaterThan(100);

    try (EmbeddedDatabase second = EmbeddedDatabase.start(Optional.of(data))) {
      ConnectionPool again = ConnectionPools.open(second.url(), 1, TIMEOUT);
      try {
        Set<Long> stored =
            Set.copyOf(
                new Sql(again, TIMEOUT).query("SELECT id FROM acked", r -> r.get(0, Long.class)));
        List<Long> lost =
            acknowledged.stream().filter(id -> !stored.contains(id)).sorted().toList();
        assertThat(lost)
            .as("of %d acknowledged rows, lost after SIGKILL", acknowledged.size())
            .isEmpty();
      } finally {
        again.dispose();
      }
    }
  }

  private static String setting(Sql sql, String name) {
    return sql.queryOne("SELECT current_setting($1) AS v", r -> r.get(0, String.class), name)
        .orElseThrow();
  }
}
