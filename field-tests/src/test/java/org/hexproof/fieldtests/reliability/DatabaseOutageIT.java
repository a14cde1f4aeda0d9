package org.hexproof.fieldtests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.Network;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped ({@code pg_ctl stop -m fast}) in the middle of ingest and started again on the
 * same port and data directory, under the oracle, rewards and coverage services (one process, as
 * the devnet runs them) while hotspot outboxes stream reports: during the outage every
 * database-backed route answers 503 with a problem-JSON body and {@code Retry-After}, never 500 and
 * never a stack trace; each service answers again within 10 s of the database's return; the
 * outboxes then deliver their backlog, every report stored once.
 */
@Tag("fleet")
class DatabaseOutageIT {
  private static final Duration OUTAGE = Duration.ofSeconds(5);
  private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One request to one service. */
  private record Probe(String service, String method, String path) {}

  private record Answer(int status, String contentType, String retryAfter, String body) {}

  @Test
  void services_answer_503_while_the_database_is_down_and_recover_within_10_s(@TempDir Path dir)
      throws Exception {
    ServiceMain.quietLogs(ch.qos.logback.classic.Level.WARN);
    Path keyFile = dir.resolve("oracle.key");
    Files.write(
        keyFile, KeyFileFormat.writePem(Ed25519KeyPair.fromSeed(Network.MAINNET, new byte[32])));
    Path logs = Files.createDirectories(Path.of("target", "reliability"));
    int port = ServiceProcess.freePort();
    String self = "http://127.0.0.1:" + port;
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("hexproof.database.url", "");
    properties.put("hexproof.oracle.key-file", keyFile.toString());
    properties.put("hexproof.oracle.entropy-interval", "5s");
    properties.put("hexproof.gateway.enabled", "false");
    // the services share one context, so one clock: each would otherwise wait for the other's
    properties.put(ServiceMain.CLOCK_OFFSET, "PT0S");
    properties.put("hexproof.rewards.oracle-url", self);
    properties.put("hexproof.rewards.oracle-key-file", keyFile.toString());
    properties.put("hexproof.rewards.poll-interval", "1s");
    properties.put("hexproof.coverage.oracle-url", self);
    properties.put("hexproof.coverage.poll-interval", "1s");
    try (PostgresServer postgres = PostgresServer.start(dir.resolve("pg"))) {
      properties.put("hexproof.database.url", postgres.urlText());
      try (ServiceProcess services =
              new ServiceProcess("outage", "oracle,rewards,coverage", port, properties, logs);
          StreamingFleet fleet = new StreamingFleet(20, 7, services.uri("/"), dir)) {
        services.start();
        fleet.onboard();
        fleet.startSenders();
        String key = fleet.hotspotKey(1);
        List<Probe> probes =
            List.of(
                new Probe("oracle", "POST", "/v1/reports/witness"),
                new Probe("oracle", "GET", "/v1/hotspots/" + key),
                new Probe("oracle", "GET", "/v1/poc/feed/watermark"),
                new Probe("rewards", "GET", "/v1/rewards/wallets/" + key),
                new Probe("rewards", "GET", "/v1/rewards/hotspots/" + key + "/epochs"),
                new Probe("coverage", "POST", "/v1/coverage/measurements"),
                new Probe("coverage", "GET", "/v1/coverage/hotspots/" + key),
                new Probe("coverage", "GET", "/v1/coverage/summary"));
        for (Probe probe : probes) {
          assertThat(ask(services, probe, fleet).status()).as("%s before", probe).isLessThan(500);
        }

        AtomicBoolean producing = new AtomicBoolean(true);
        ExecutorService producer = Executors.newSingleThreadExecutor();
        Future<Integer> produced =
            producer.submit(
                () -> {
                  int n = 0;
                  while (producing.get()) {
                    n += fleet.appendRound();
                    ServiceProcess.sleep(250);
                  }
                  return n;
                });
        while (fleet.acknowledged().size() < 400) {
          ServiceProcess.sleep(20);
        }

        postgres.stop();
        long downAt = System.nanoTime();
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<Probe, Integer> unavailable = new LinkedHashMap<>();
        while (System.nanoTime() - downAt < OUTAGE.toNanos()) {
          for (Probe probe : probes) {
            Answer a = ask(services, probe, fleet);
            seen.merge(probe.method() + " " + probe.path() + " " + a.status(), 1, Integer::sum);
            assertThat(a.status()).as("%s during the outage: %s", probe, a).isNotEqualTo(500);
            assertThat(a.body()).as("%s body", probe).doesNotContain("Exception", "\tat ");
            if (a.status() == 503) {
              unavailable.merge(probe, 1, Integer::sum);
              assertThat(a.contentType()).as("%s", probe).startsWith("application/problem+json");
              assertThat(a.body()).contains("database unavailable");
              assertThat(a.retryAfter()).isNotBlank();
            }
          }
        }
        int queuedAtRestart = fleet.depth();
        postgres.startAgain();
        long upAt = System.nanoTime();
        Map<String, Double> recovery = new LinkedHashMap<>();
        while (recovery.size() < 3 && System.nanoTime() - upAt < 3 * RECOVERY_LIMIT.toNanos()) {
          for (Probe probe : probes) {
            if (!recovery.containsKey(probe.service())
                && probes.stream()
                    .filter(p -> p.service().equals(probe.service()))
                    .allMatch(p -> ask(services, p, fleet).status() < 500)) {
              recovery.put(probe.service(), (System.nanoTime() - upAt) / 1e9);
            }
          }
          ServiceProcess.sleep(100);
        }
        // the oracle's background work resumes too: a new entropy value (every 5 s)
        long upSeconds = Instant.now().getEpochSecond();
        long entropyDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (fleet.latestEntropySeconds() < upSeconds && System.nanoTime() < entropyDeadline) {
          ServiceProcess.sleep(200);
        }
        double entropySeconds = (System.nanoTime() - upAt) / 1e9;
        assertThat(fleet.latestEntropySeconds())
            .as("entropy ticked after the database returned")
            .isGreaterThanOrEqualTo(upSeconds);
        producing.set(false);
        int appended = produced.get();
        producer.shutdown();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (fleet.depth() > 0 && System.nanoTime() < deadline) {
          ServiceProcess.sleep(100);
        }

        System.out.printf(
            "database outage: %.1f s down, %d reports queued when it returned, recovery %s s,"
                + " new entropy after %.1f s, %d reports appended; answers: %s%n",
            (upAt - downAt) / 1e9, queuedAtRestart, recovery, entropySeconds, appended, seen);
        assertThat(unavailable)
            .as("routes that answered 503 during the outage (all answers: %s)", seen)
            .containsKeys(probes.get(0), probes.get(1), probes.get(3), probes.get(5));
        assertThat(recovery)
            .as("seconds to recover")
            .containsOnlyKeys("oracle", "rewards", "coverage");
        assertThat(recovery.values()).allMatch(s -> s <= RECOVERY_LIMIT.toSeconds());
        assertThat(queuedAtRestart).as("backlog built during the outage").isPositive();
        assertThat(fleet.depth()).isZero();
        assertThat(fleet.parked()).isZero();
        assertThat(fleet.acknowledged().keySet()).isEqualTo(fleet.appended());
        Sql sql = postgres.sql();
        List<String> stored = new ArrayList<>();
        stored.addAll(
            sql.query("SELECT report_id FROM poc.beacon_report", r -> r.get(0, String.class)));
        stored.addAll(
            sql.query("SELECT report_id FROM poc.witness_report", r -> r.get(0, String.class)));
        stored.removeIf(id -> !fleet.appended().contains(id)); // the probes' own witnesses
        assertThat(stored).hasSize(appended);
        assertThat(new HashSet<>(stored)).isEqualTo(fleet.appended());
      }
    }
  }

  private static Answer ask(ServiceProcess services, Probe probe, StreamingFleet fleet) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(services.uri(probe.path())).timeout(Duration.ofSeconds(20));
    if (probe.path().endsWith("/witness")) {
      request
          .header("Content-Type", "application/x-protobuf")
          .POST(HttpRequest.BodyPublishers.ofByteArray(fleet.probeWitness()));
    } else if (probe.method().equals("POST")) {
      String measurement =
          "[{\"lat\": 52.52, \"lng\": 13.405, \"time\": \""
              + Instant.now()
              + "\", \"heard_by\": []}]";
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(measurement));
    }
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(""),
          r.headers().firstValue("Retry-After").orElse(""),
          r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(probe + ": no answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
