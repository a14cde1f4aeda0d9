package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.registry.HotspotRegistry;
import org.hexproof.poc.worker.PocWorker;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * The oracle is stopped the way Micronaut's shutdown hook stops it (the HTTP server, then the
 * context) while hotspots keep posting signed reports: requests in flight get their real answer,
 * later ones a 503 or a refused connection, none a 500, nothing is logged at ERROR, and every
 * acknowledged report is in the database when the oracle comes back. Stopped while the verifier
 * runs, it ends the verifier after its current batch: every beacon then has all its verdicts or
 * none, and the next oracle verifies the rest.
 */
class GracefulStopIT {
  private static final int SENDERS = 6;
  private static final int BEACONS = 400;

  @Test
  void reports_sent_across_a_stop_are_stored_when_acknowledged_and_never_answered_500()
      throws Exception {
    Map<String, Object> properties = properties("stop-ingest-");
    List<Ed25519KeyPair> hotspots = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      hotspots.add(Hotspots.key(70 + i));
    }
    List<ReportSenders.Attempt> attempts;
    long stopStarted;
    long stopEnded;
    List<String> errors;
    List<String> rejected;
    try (CapturedLog log = new CapturedLog()) {
      // closed by the test itself (EmbeddedDatabase's shutdown hook stops PostgreSQL on a failure)
      ApplicationContext first = ApplicationContext.run(properties, "oracle");
      EmbeddedServer server = first.getBean(EmbeddedServer.class).start();
      ManualClock clock = first.getBean(ManualClock.class);
      HotspotRegistry registry = first.getBean(HotspotRegistry.class);
      for (Ed25519KeyPair h : hotspots) {
        registry.onboard(Hotspots.onboarding(h), clock.instant());
      }
      EntropyReport entropy = first.getBean(EntropyService.class).tick();
      ReportSenders senders = new ReportSenders(server.getURI(), hotspots, entropy);
      senders.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (senders.accepted() < 100 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      stopStarted = System.nanoTime();
      // Micronaut's shutdown hook: the embedded application, then the context
      server.stop();
      first.close();
      stopEnded = System.nanoTime();
      Thread.sleep(300); // the senders now meet a closed port
      attempts = senders.stop();
      errors = log.atLeast(Level.ERROR);
      rejected = log.mentioning("RejectedExecutionException");
    }

    Map<Integer, Long> byStatus =
        attempts.stream()
            .collect(
                Collectors.groupingBy(
                    ReportSenders.Attempt::status, TreeMap::new, Collectors.counting()));
    long inFlightAnswered =
        attempts.stream()
            .filter(a -> a.startedNs() < stopStarted && a.endedNs() > stopStarted)
            .filter(a -> a.status() == 202)
            .count();
    long duringStop =
        attempts.stream()
            .filter(a -> a.startedNs() >= stopStarted && a.startedNs() < stopEnded)
            .count();
    System.out.printf(
        "graceful stop: %d attempts by status (0 = no response) %s; in flight at the stop and"
            + " answered 202: %d; started during the %d ms stop: %d%n",
        attempts.size(),
        byStatus,
        inFlightAnswered,
        Duration.ofNanos(stopEnded - stopStarted).toMillis(),
        duringStop);
    assertThat(byStatus.keySet()).as("statuses (0 = no response)").containsAnyOf(0, 503);
    assertThat(byStatus.keySet()).as("statuses (0 = no response)").isSubsetOf(0, 202, 503);
    assertThat(attempts.stream().filter(a -> a.status() == 503))
        .allSatisfy(a -> assertThat(a.failure()).contains("\"status\":503"));
    assertThat(inFlightAnswered)
        .as("requests in flight when the stop began, answered")
        .isPositive();
    assertThat(errors).as("logged at ERROR").isEmpty();
    assertThat(rejected).as("log lines naming RejectedExecutionException").isEmpty();

    try (ApplicationContext second = ApplicationContext.run(properties, "oracle")) {
      EmbeddedServer server = second.getBean(EmbeddedServer.class).start();
      Sql sql = second.getBean(PocDatabase.class).sql();
      Set<String> stored =
          new HashSet<>(
              sql.query("SELECT report_id FROM poc.beacon_report", r -> r.get(0, String.class)));
      List<String> acknowledged =
          attempts.stream()
              .filter(a -> a.status() == 202)
              .map(ReportSenders.Attempt::reportId)
              .toList();
      assertThat(stored).as("acknowledged reports after the restart").containsAll(acknowledged);
      for (ReportSenders.Attempt a : attempts) {
        if (a.status() != 202) {
          ReportSenders.Attempt again = ReportSenders.postOnce(server.getURI(), a.body());
          assertThat(again.status())
              .as("retry after the restart: %s", again.failure())
              .isEqualTo(202);
        }
      }
      long reports =
          sql.queryOne("SELECT count(*) AS n FROM poc.beacon_report", r -> r.get(0, Long.class))
              .orElseThrow();
      assertThat(reports).as("one row per report sent").isEqualTo(attempts.size());
      server.stop();
    }
  }

  @Test
  void a_stop_while_the_verifier_runs_leaves_each_beacon_with_all_its_verdicts_or_none()
      throws Exception {
    Map<String, Object> properties = properties("stop-worker-");
    Instant verifyAt;
    try (ApplicationContext seeding = ApplicationContext.run(properties, "oracle")) {
      verifyAt = OpenBeacons.seed(seeding, BEACONS, 80);
    }
    Map<String, Object> scheduled = new HashMap<>(properties);
    scheduled.put("hexproof.oracle.scheduling", "true");
    scheduled.put("hexproof.oracle.entropy-interval", "1h");
    scheduled.put("hexproof.oracle.verifier-poll-interval", "200ms");
    scheduled.put("hexproof.oracle.verify-batch-size", 4);
    long verdictsAtStop;
    long stopMillis;
    List<String> warnings;
    try (CapturedLog log = new CapturedLog()) {
      // closed by the test itself (EmbeddedDatabase's shutdown hook stops PostgreSQL on a failure)
      ApplicationContext running = ApplicationContext.run(scheduled, "oracle");
      running.getBean(ManualClock.class).set(verifyAt);
      Sql sql = running.getBean(PocDatabase.class).sql();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      do {
        Thread.sleep(5);
        verdictsAtStop = OpenBeacons.count(sql, "SELECT count(*) AS n FROM poc.feed");
      } while (verdictsAtStop == 0 && System.nanoTime() < deadline);
      long started = System.nanoTime();
      running.close();
      stopMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
      warnings = log.atLeast(Level.WARN);
    }

    try (ApplicationContext after = ApplicationContext.run(properties, "oracle")) {
      after.getBean(ManualClock.class).set(verifyAt);
      Sql sql = after.getBean(PocDatabase.class).sql();
      List<String> states =
          sql.query(
              "SELECT b.closed,"
                  + " (SELECT count(*) FROM poc.verdict v WHERE v.report_id = b.report_id),"
                  + " (SELECT count(*) FROM poc.verdict v WHERE v.beacon_report_id = b.report_id),"
                  + " (SELECT count(*) FROM poc.feed f WHERE f.beacon_report_id = b.report_id),"
                  + " (SELECT count(*) FROM poc.witness_report w WHERE w.data = b.data AND w.closed)"
                  + " FROM poc.beacon_report b",
              r ->
                  (r.get(0, Boolean.class) ? "closed" : "open")
                      + " beacon verdicts "
                      + r.get(1, Long.class)
                      + ", witness verdicts "
                      + r.get(2, Long.class)
                      + ", feed entries "
                      + r.get(3, Long.class)
                      + ", witnesses closed "
                      + r.get(4, Long.class));
      Map<String, Long> byState =
          states.stream()
              .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
      System.out.printf(
          "stop while verifying: %d feed entries when the stop began, stop took %d ms, after it:"
              + " %s%n",
          verdictsAtStop, stopMillis, byState);
      assertThat(byState.keySet())
          .as("each beacon with all its verdicts or none")
          .isSubsetOf(
              "closed beacon verdicts 1, witness verdicts 1, feed entries 1, witnesses closed 1",
              "open beacon verdicts 0, witness verdicts 0, feed entries 0, witnesses closed 0");
      long open = OpenBeacons.open(sql);
      assertThat(open).as("beacons the stop left for the next oracle").isPositive();
      // Micronaut warns "Timeout hit in graceful shutdown" when the grace period runs out
      assertThat(warnings).as("logged at WARN or above during the stop").isEmpty();

      assertThat(after.getBean(PocWorker.class).runOnce().verified()).isEqualTo(open);
      OpenBeacons.assertEachJudgedOnce(sql, BEACONS);
    }
  }

  static Map<String, Object> properties(String prefix) throws java.io.IOException {
    Path dir = Files.createDirectories(Path.of("target", "it-data"));
    Path data = Files.createTempDirectory(dir, prefix);
    return Map.of(
        "hexproof.test.clock",
        "manual",
        "hexproof.oracle.scheduling",
        "false",
        "hexproof.oracle.key-file",
        data.resolve("oracle.key").toString(),
        "hexproof.database.data-directory",
        data.resolve("pg").toString(),
        "micronaut.server.host",
        "127.0.0.1",
        "micronaut.server.port",
        -1);
  }
}
