package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.core.report.SignedMessages;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch ingest endpoints: one result per report in request order, each report accepted or
 * rejected on its own, duplicates stored once with the first receipt (also across the single and
 * batch endpoints), broken framing and oversized batches rejected whole with nothing stored; and a
 * hotspot onboarded by another oracle process (a row written straight into the shared database) is
 * accepted at once.
 */
@MicronautTest(environments = "oracle")
// a free port: 8080 (application-oracle.yml) may be taken on the machine running the tests
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "hexproof.test.clock", value = "manual")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.max-batch-reports", value = "4")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/batch/oracle.key")
class BatchIngestIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Ed25519KeyPair A = Hotspots.key(21);
  private static final Ed25519KeyPair B = Hotspots.key(22);
  private static final Ed25519KeyPair STRANGER = Hotspots.key(23);

  @Inject
  @Client("/")
  HttpClient client;

  @Inject ManualClock clock;
  @Inject EntropyService entropy;
  @Inject PocDatabase db;

  Http http;
  Sql sql;
  EntropyReport served;

  @BeforeEach
  void onboard() {
    http = new Http(client);
    sql = db.sql();
    http.postProtobuf("/v1/hotspots", Hotspots.onboarding(A));
    http.postProtobuf("/v1/hotspots", Hotspots.onboarding(B));
    if (served == null) {
      served = entropy.tick();
    }
  }

  @Test
  void answers_each_report_of_a_batch_on_its_own() throws Exception {
    BeaconReport good = Hotspots.beacon(A, served, 100);
    BeaconReport other = Hotspots.beacon(B, served, 101);
    byte[] signature = Hotspots.beacon(A, served, 102).getSignature().toByteArray();
    signature[3] ^= 1;
    BeaconReport forged =
        Hotspots.beacon(A, served, 102).toBuilder()
            .setSignature(ByteString.copyFrom(signature))
            .build();
    BeaconReport stranger = Hotspots.beacon(STRANGER, served, 103);

    Http.Reply reply =
        http.postProtobuf("/v1/reports/beacon/batch", delimited(good, forged, stranger, good));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode results = JSON.readTree(reply.body()).get("results");
    assertThat(results).hasSize(4);
    assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
    assertThat(results.get(1).get("status").asInt()).isEqualTo(401);
    assertThat(results.get(1).get("detail").asText()).contains("BeaconReport.signature");
    assertThat(results.get(2).get("status").asInt()).isEqualTo(403);
    assertThat(results.get(2).get("detail").asText()).contains("not onboarded");
    assertThat(results.get(3).get("status").asInt()).as("the same bytes again").isEqualTo(202);
    assertThat(results.get(3).get("report_id")).isEqualTo(results.get(0).get("report_id"));
    assertThat(beaconsOf(A)).as("the good one once, the forged one not at all").isEqualTo(1);
    assertThat(beaconsOf(STRANGER)).isZero();

    clock.advance(Duration.ofSeconds(3));
    JsonNode single =
        JSON.readTree(http.postProtobuf("/v1/reports/beacon", good.toByteArray()).body());
    assertThat(single.get("received_at"))
        .as("first receipt")
        .isEqualTo(results.get(0).get("received_at"));
    Http.Reply again = http.postProtobuf("/v1/reports/beacon/batch", delimited(other, good));
    JsonNode second = JSON.readTree(again.body()).get("results");
    assertThat(second.get(0).get("status").asInt()).isEqualTo(202);
    assertThat(second.get(1).get("received_at")).isEqualTo(results.get(0).get("received_at"));
    assertThat(beaconsOf(A)).isEqualTo(1);
    assertThat(beaconsOf(B)).isEqualTo(1);
  }

  @Test
  void stores_a_batch_of_witnesses() throws Exception {
    BeaconReport beacon = Hotspots.beacon(A, served, 110);
    Http.Reply reply =
        http.postProtobuf(
            "/v1/reports/witness/batch",
            delimited(Hotspots.witness(B, beacon), Hotspots.witness(A, beacon)));
    JsonNode results = JSON.readTree(reply.body()).get("results");
    assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(202, 202);
    assertThat(
            count(
                "SELECT count(*) AS n FROM poc.witness_report WHERE data = $1",
                beacon.getData().toByteArray()))
        .isEqualTo(2);
  }

  @Test
  void rejects_broken_framing_whole_and_stores_nothing() throws Exception {
    byte[] body = delimited(Hotspots.beacon(A, served, 120), Hotspots.beacon(A, served, 121));
    byte[] cut = java.util.Arrays.copyOf(body, body.length - 5);
    long before = beaconsOf(A);

    Http.Reply reply = http.postProtobuf("/v1/reports/beacon/batch", cut);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(JSON.readTree(reply.body()).get("detail").asText())
        .contains("message 1")
        .contains("expected a length");
    assertThat(beaconsOf(A)).isEqualTo(before);
  }

  @Test
  void rejects_more_reports_than_allowed_with_413_and_stores_nothing() throws Exception {
    long before = beaconsOf(A);
    BeaconReport[] five = new BeaconReport[5];
    for (int i = 0; i < five.length; i++) {
      five[i] = Hotspots.beacon(A, served, 130 + i);
    }
    Http.Reply reply = http.postProtobuf("/v1/reports/beacon/batch", delimited(five));
    assertThat(reply.status()).isEqualTo(413);
    assertThat(JSON.readTree(reply.body()).get("detail").asText()).contains("at most 4");
    assertThat(beaconsOf(A)).isEqualTo(before);
  }

  @Test
  void accepts_a_hotspot_onboarded_by_another_process_on_the_same_database() throws Exception {
    Ed25519KeyPair elsewhere = Hotspots.key(24);
    BeaconReport beacon = Hotspots.beacon(elsewhere, served, 140);
    assertThat(http.postProtobuf("/v1/reports/beacon", beacon.toByteArray()).status())
        .isEqualTo(403);
    sql.update(
        "INSERT INTO poc.hotspot (hotspot_key, owner_key, capability, onboarded_at)"
            + " VALUES ($1, $2, 'full', $3)",
        elsewhere.publicKey().toBase58(),
        Hotspots.OWNER.publicKey().toBase58(),
        Rows.bind(clock.instant()));
    assertThat(http.postProtobuf("/v1/reports/beacon", beacon.toByteArray()).status())
        .isEqualTo(202);
  }

  @Test
  void stores_every_byte_value_of_a_batch_byte_for_byte() throws Exception {
    Ed25519KeyPair c = onboarded(25);
    Ed25519KeyPair d = onboarded(26);
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) (255 - i);
    }
    BeaconReport beacon =
        SignedMessages.sign(
            Hotspots.beacon(c, served, 150).toBuilder()
                .setLocalEntropy(ByteString.copyFrom(all, 0, 4))
                .setData(ByteString.copyFrom(all))
                .build(),
            c);
    WitnessReport witness =
        SignedMessages.sign(
            Hotspots.witness(d, beacon).toBuilder()
                .setData(ByteString.copyFrom(all, 92, 164))
                .build(),
            d);

    JsonNode beaconResult =
        JSON.readTree(http.postProtobuf("/v1/reports/beacon/batch", delimited(beacon)).body())
            .get("results")
            .get(0);
    http.postProtobuf("/v1/reports/witness/batch", delimited(witness));

    Object[] stored =
        sql.queryOne(
                "SELECT local_entropy, remote_entropy, data, signed_report, received_at"
                    + " FROM poc.beacon_report WHERE report_id = $1",
                row ->
                    new Object[] {
                      row.get("local_entropy", byte[].class),
                      row.get("remote_entropy", byte[].class),
                      row.get("data", byte[].class),
                      row.get("signed_report", byte[].class),
                      Rows.receivedAt(row)
                    },
                beaconResult.get("report_id").asText())
            .orElseThrow();
    assertThat(stored[0]).isEqualTo(beacon.getLocalEntropy().toByteArray());
    assertThat(stored[1]).isEqualTo(beacon.getRemoteEntropy().toByteArray());
    assertThat(stored[2]).isEqualTo(all);
    assertThat(stored[3]).isEqualTo(beacon.toByteArray());
    assertThat(FeedEntries.instant((java.time.Instant) stored[4]))
        .as("the receipt's receive time is the stored one")
        .isEqualTo(beaconResult.get("received_at").asText());
    assertThat(
            sql.queryOne(
                    "SELECT signed_report, data FROM poc.witness_report WHERE hotspot_key = $1"
                        + " AND data = $2",
                    row -> row.get("signed_report", byte[].class),
                    d.publicKey().toBase58(),
                    java.util.Arrays.copyOfRange(all, 92, 256))
                .orElseThrow())
        .isEqualTo(witness.toByteArray());
  }

  @Test
  void concurrent_identical_batches_store_each_report_once_with_one_receipt() throws Exception {
    Ed25519KeyPair e = onboarded(27);
    Ed25519KeyPair f = onboarded(28);
    byte[] body = delimited(Hotspots.beacon(e, served, 160), Hotspots.beacon(f, served, 161));
    int senders = 6;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(senders);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<JsonNode>> replies = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < senders; i++) {
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return JSON.readTree(http.postProtobuf("/v1/reports/beacon/batch", body).body())
                      .get("results");
                }));
      }
      start.countDown();
      JsonNode first = replies.get(0).get();
      assertThat(first).extracting(r -> r.get("status").asInt()).containsExactly(202, 202);
      for (java.util.concurrent.Future<JsonNode> reply : replies) {
        JsonNode results = reply.get();
        for (int r = 0; r < 2; r++) {
          assertThat(results.get(r).get("status").asInt()).isEqualTo(202);
          assertThat(results.get(r).get("report_id")).isEqualTo(first.get(r).get("report_id"));
          assertThat(results.get(r).get("received_at"))
              .as("every sender gets the first acceptance")
              .isEqualTo(first.get(r).get("received_at"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(beaconsOf(e)).as("stored once").isEqualTo(1);
    assertThat(beaconsOf(f)).as("stored once").isEqualTo(1);
  }

  /** A hotspot of its own for a test, so that other tests' counts of A and B stay as they are. */
  private Ed25519KeyPair onboarded(int n) {
    Ed25519KeyPair key = Hotspots.key(n);
    http.postProtobuf("/v1/hotspots", Hotspots.onboarding(key));
    return key;
  }

  private static byte[] delimited(MessageLite... messages) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (MessageLite m : messages) {
      m.writeDelimitedTo(out);
    }
    return out.toByteArray();
  }

  private long beaconsOf(Ed25519KeyPair key) {
    return count(
        "SELECT count(*) AS n FROM poc.beacon_report WHERE hotspot_key = $1",
        key.publicKey().toBase58());
  }

  private long count(String query, Object... args) {
    return sql.queryOne(query, row -> row.get("n", Long.class), args).orElseThrow();
  }
}
