package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.hexproof.poc.worker.PocWorker;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * The database goes away while beacons are open: the worker throws and writes nothing (an
 * infrastructure failure is never a verdict). A fresh oracle on the same data directory then
 * verifies every beacon exactly once.
 */
class DatabaseOutageIT {
  private static final int BEACONS = 6;

  @Test
  void worker_throws_during_an_outage_and_verifies_exactly_once_after_restart() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "it-data"));
    Path data = Files.createTempDirectory(dir, "outage-");
    Map<String, Object> properties =
        Map.of(
            "hexproof.test.clock", "manual",
            "hexproof.oracle.scheduling", "false",
            "hexproof.oracle.key-file", data.resolve("oracle.key").toString(),
            "hexproof.database.data-directory", data.resolve("pg").toString(),
            "hexproof.database.acquire-timeout", "2s");
    Instant verifyAt;
    try (ApplicationContext first = ApplicationContext.run(properties, "oracle")) {
      verifyAt = OpenBeacons.seed(first, BEACONS, 60);
      assertThat(OpenBeacons.open(first.getBean(PocDatabase.class).sql())).isEqualTo(BEACONS);

      first.getBean(EmbeddedDatabase.class).close();
      PocWorker worker = first.getBean(PocWorker.class);
      assertThatThrownBy(worker::runOnce).as("database down").isInstanceOf(RuntimeException.class);
      assertThatThrownBy(worker::runOnce).as("still down").isInstanceOf(RuntimeException.class);
    }

    try (ApplicationContext second = ApplicationContext.run(properties, "oracle")) {
      second.getBean(ManualClock.class).set(verifyAt);
      Sql sql = second.getBean(PocDatabase.class).sql();
      assertThat(OpenBeacons.count(sql, "SELECT count(*) AS n FROM poc.verdict"))
          .as("the outage wrote no verdict")
          .isZero();
      assertThat(OpenBeacons.open(sql)).isEqualTo(BEACONS);

      PocWorker worker = second.getBean(PocWorker.class);
      assertThat(worker.runOnce().verified()).isEqualTo(BEACONS);
      assertThat(worker.runOnce().verified()).as("a second run finds nothing").isZero();
      OpenBeacons.assertEachJudgedOnce(sql, BEACONS);
    }
  }
}
