package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.ingest.ReportIngest;
import org.hexproof.poc.store.ReportIds;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single-report requests that arrive together are inserted together (group commit) and each is
 * still answered only after its own report is committed: with the first insert held by a table
 * lock, the requests that arrive meanwhile wait unanswered, and once the lock goes they are all
 * written by one more insert; every report is stored once with the receive time its receipt gave, a
 * report beyond the queue bound is refused at once with 503 and {@code Retry-After}, duplicates
 * sent at the same moment share the first receipt, and a failed insert is answered as a database
 * error with nothing stored, after which the same reports are accepted.
 */
@MicronautTest(environments = "oracle")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "hexproof.test.clock", value = "manual")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/grouped/oracle.key")
@Property(name = "hexproof.oracle.max-queued-reports", value = "10")
class GroupedIngestIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HOTSPOTS = 10;

  @Inject EmbeddedServer server;
  @Inject EntropyService entropy;
  @Inject PocDatabase db;
  @Inject ReportIngest ingest;
  @Inject ConnectionFactory connections;

  @Inject
  @Client("/")
  io.micronaut.http.client.HttpClient micronaut;

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Ed25519KeyPair> hotspots = new ArrayList<>();
  private Sql sql;
  private EntropyReport served;

  @BeforeEach
  void onboard() {
    sql = db.sql();
    Http http = new Http(micronaut);
    for (int i = 0; i < HOTSPOTS; i++) {
      Ed25519KeyPair key = Hotspots.key(700 + i);
      hotspots.add(key);
      http.postProtobuf("/v1/hotspots", Hotspots.onboarding(key));
    }
    served = entropy.tick();
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void requests_that_arrive_during_an_insert_are_written_by_one_more_insert() throws Exception {
    // warm the path: the first report of each hotspot may need a registry lookup
    for (int i = 0; i < HOTSPOTS; i++) {
      assertThat(post(beacon(i, 1)).statusCode()).isEqualTo(202);
    }
    long writesBefore = ingest.groupedWrites();
    long reportsBefore = ingest.groupedReports();

    List<Future<HttpResponse<String>>> held = new ArrayList<>();
    Connection locker = Sql.await(connections.create(), Duration.ofSeconds(10)).orElseThrow();
    try {
      execute(locker, "BEGIN");
      execute(locker, "LOCK TABLE poc.beacon_report IN EXCLUSIVE MODE");
      Future<HttpResponse<String>> first = threads.submit(() -> post(beacon(0, 2)));
      awaitUntil(() -> ingest.groupedWrites() == writesBefore + 1, "the first insert started");
      for (int i = 0; i < HOTSPOTS; i++) {
        int n = i;
        held.add(threads.submit(() -> post(beacon(n, 3))));
      }
      awaitUntil(() -> ingest.queuedReports() == HOTSPOTS, "ten reports queued");
      HttpResponse<String> refused = post(beacon(0, 4));
      assertThat(refused.statusCode()).as("an eleventh waits for nothing").isEqualTo(503);
      assertThat(refused.headers().firstValue("retry-after")).hasValue("5");
      assertThat(refused.body()).contains("10 reports wait for the database already; retry later");
      Thread.sleep(200);
      assertThat(first.isDone()).as("not answered before its row is committed").isFalse();
      assertThat(held).noneMatch(Future::isDone);
      execute(locker, "COMMIT");
      held.add(0, first);
    } finally {
      Sql.await(locker.close(), Duration.ofSeconds(10));
    }

    Map<String, Instant> receipts = new HashMap<>();
    for (Future<HttpResponse<String>> f : held) {
      HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      JsonNode body = JSON.readTree(r.body());
      receipts.put(body.get("report_id").asText(), Instant.parse(body.get("received_at").asText()));
    }
    assertThat(ingest.groupedWrites() - writesBefore)
        .as("the held insert and one more")
        .isEqualTo(2);
    assertThat(ingest.groupedReports() - reportsBefore).isEqualTo(HOTSPOTS + 1);
    assertThat(stored(receipts.keySet()))
        .as("each stored once, at its receipt's time")
        .isEqualTo(receipts);
  }

  @Test
  void the_same_report_sent_at_once_from_several_connections_is_stored_once_with_one_receipt()
      throws Exception {
    byte[] body = beacon(0, 40).toByteArray();
    int senders = 8; // fewer than the queue bound of 10
    CyclicBarrier together = new CyclicBarrier(senders);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      answers.add(
          threads.submit(
              () -> {
                together.await(10, TimeUnit.SECONDS);
                return postBody(body);
              }));
    }
    Map<String, String> seen = new ConcurrentHashMap<>();
    for (Future<HttpResponse<String>> f : answers) {
      HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      JsonNode json = JSON.readTree(r.body());
      seen.put(json.get("received_at").asText(), json.get("report_id").asText());
    }
    assertThat(seen).as("one receipt for all").hasSize(1);
    String id = seen.values().iterator().next();
    assertThat(stored(List.of(id)))
        .containsExactly(Map.entry(id, Instant.parse(seen.keySet().iterator().next())));
  }

  @Test
  void a_failed_insert_is_a_database_error_with_nothing_stored_and_a_retry_is_accepted()
      throws Exception {
    List<BeaconReport> reports = List.of(beacon(1, 50), beacon(2, 50), beacon(3, 50));
    sql.update("ALTER TABLE poc.beacon_report RENAME TO beacon_report_away");
    List<HttpResponse<String>> failed;
    try {
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (BeaconReport r : reports) {
        sent.add(CompletableFuture.supplyAsync(() -> postUnchecked(r.toByteArray()), threads));
      }
      failed = sent.stream().map(CompletableFuture::join).toList();
    } finally {
      sql.update("ALTER TABLE poc.beacon_report_away RENAME TO beacon_report");
    }
    for (HttpResponse<String> r : failed) {
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(r.body()).contains("database error").doesNotContain("beacon_report");
    }
    List<String> ids = reports.stream().map(r -> ReportIds.of(r.toByteArray())).toList();
    assertThat(stored(ids)).as("nothing stored").isEmpty();
    for (BeaconReport r : reports) {
      assertThat(post(r).statusCode()).isEqualTo(202);
    }
    assertThat(stored(ids)).hasSize(3);
  }

  private BeaconReport beacon(int hotspot, int round) {
    return Hotspots.beacon(hotspots.get(hotspot), served, 1000 * round + hotspot);
  }

  private HttpResponse<String> post(BeaconReport report) throws Exception {
    return postBody(report.toByteArray());
  }

  private HttpResponse<String> postUnchecked(byte[] body) {
    try {
      return postBody(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> postBody(byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.getURL() + "/v1/reports/beacon"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, Instant> stored(java.util.Collection<String> ids) {
    Map<String, Instant> rows = new HashMap<>();
    sql.query(
            "SELECT report_id, received_at FROM poc.beacon_report WHERE report_id = ANY($1)",
            row -> Map.entry(Rows.requiredString(row, "report_id"), Rows.receivedAt(row)),
            (Object) ids.toArray(String[]::new))
        .forEach(e -> assertThat(rows.put(e.getKey(), e.getValue())).isNull());
    return rows;
  }

  private static void execute(Connection c, String statement) {
    Sql.awaitAll(
        reactor.core.publisher.Flux.from(c.createStatement(statement).execute())
            .flatMap(io.r2dbc.spi.Result::getRowsUpdated),
        Duration.ofSeconds(10));
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
