package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.Region;
import org.hexproof.core.report.SignedMessages;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ingest and registry security matrix: each refused request gets its status and problem JSON,
 * and a count of the rows proves nothing was stored or changed.
 */
@MicronautTest(environments = "oracle")
// a free port: 8080 (application-oracle.yml) may be taken on the machine running the tests
@Property(name = "micronaut.server.port", value = "-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "hexproof.test.clock", value = "manual")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.operator-token", value = "s3cret-operator-token")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/security/oracle.key")
class IngestSecurityIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Ed25519KeyPair A = Hotspots.key(11);
  private static final Ed25519KeyPair B = Hotspots.key(12);
  private static final Ed25519KeyPair STRANGER = Hotspots.key(13);

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
  void rejects_a_forged_signature_with_401_and_stores_nothing() throws Exception {
    BeaconReport signed = Hotspots.beacon(A, served, 1);
    byte[] signature = signed.getSignature().toByteArray();
    signature[0] ^= 1;
    BeaconReport forged = signed.toBuilder().setSignature(ByteString.copyFrom(signature)).build();

    assertRejected(http.postProtobuf("/v1/reports/beacon", forged.toByteArray()), 401);
    assertThat(beaconsOf(A)).isZero();
  }

  @Test
  void rejects_a_report_signed_by_one_hotspot_claiming_another_with_401() throws Exception {
    BeaconReport claimsB =
        Hotspots.beacon(A, served, 2).toBuilder()
            .setPubKey(ByteString.copyFrom(B.publicKey().toBytes()))
            .clearSignature()
            .build();
    BeaconReport signedByA =
        claimsB.toBuilder()
            .setSignature(ByteString.copyFrom(A.sign(SignedMessages.signingBytes(claimsB))))
            .build();

    assertRejected(http.postProtobuf("/v1/reports/beacon", signedByA.toByteArray()), 401);
    assertThat(beaconsOf(B)).isZero();
  }

  @Test
  void stores_a_replay_once_and_returns_the_first_receipt() throws Exception {
    byte[] witness = Hotspots.witness(B, Hotspots.beacon(A, served, 3)).toByteArray();

    Http.Reply first = http.postProtobuf("/v1/reports/witness", witness);
    clock.advance(Duration.ofSeconds(5));
    Http.Reply second = http.postProtobuf("/v1/reports/witness", witness);

    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(202);
    assertThat(second.text()).isEqualTo(first.text());
    JsonNode receipt = JSON.readTree(first.body());
    assertThat(
            count(
                "SELECT count(*) AS n FROM poc.witness_report WHERE report_id = $1",
                receipt.get("report_id").asText()))
        .isEqualTo(1);
  }

  @Test
  void rejects_a_malformed_body_with_400() throws Exception {
    long before = count("SELECT count(*) AS n FROM poc.beacon_report");
    // field 1, length-delimited, claims 127 bytes of which none follow
    assertRejected(http.postProtobuf("/v1/reports/beacon", new byte[] {0x0a, 0x7f, 0x01}), 400);
    assertRejected(http.postProtobuf("/v1/reports/beacon", new byte[0]), 400);
    BeaconReport noKey = Hotspots.beacon(A, served, 4).toBuilder().clearPubKey().build();
    assertRejected(http.postProtobuf("/v1/reports/beacon", noKey.toByteArray()), 400);
    assertThat(count("SELECT count(*) AS n FROM poc.beacon_report")).isEqualTo(before);
  }

  @Test
  void rejects_an_oversized_body_with_413() throws Exception {
    BeaconReport padded =
        SignedMessages.sign(
            Hotspots.beacon(A, served, 5).toBuilder()
                .setData(ByteString.copyFrom(new byte[5000]))
                .build(),
            A);

    assertRejected(http.postProtobuf("/v1/reports/beacon", padded.toByteArray()), 413);
    assertThat(beaconsOf(A)).isZero();
  }

  @Test
  void rejects_a_key_that_is_not_onboarded_with_403() throws Exception {
    assertRejected(
        http.postProtobuf("/v1/reports/beacon", Hotspots.beacon(STRANGER, served, 6).toByteArray()),
        403);
    assertThat(beaconsOf(STRANGER)).isZero();
  }

  @Test
  void denylist_changes_need_the_operator_token() throws Exception {
    String path = "/v1/denylist/keys/" + B.publicKey();
    String edge = "/v1/denylist/edges/" + A.publicKey() + "/" + B.publicKey();

    assertRejected(http.exchange(HttpRequest.PUT(path, "")), 401);
    assertRejected(http.exchange(bearer(HttpRequest.PUT(path, ""), "wrong")), 403);
    assertRejected(http.exchange(HttpRequest.PUT(edge, "")), 401);
    assertRejected(http.exchange(bearer(HttpRequest.PUT(edge, ""), "wrong")), 403);
    assertRejected(http.exchange(bearer(HttpRequest.DELETE(path), "s3cret-operator-tokeN")), 403);
    assertThat(count("SELECT count(*) AS n FROM poc.denied_key")).isZero();
    assertThat(count("SELECT count(*) AS n FROM poc.denied_edge")).isZero();

    assertThat(http.exchange(bearer(HttpRequest.PUT(path, ""), "s3cret-operator-token")).status())
        .isEqualTo(204);
    assertThat(http.exchange(bearer(HttpRequest.PUT(edge, ""), "s3cret-operator-token")).status())
        .isEqualTo(204);
    assertThat(
            JSON.readTree(http.get("/v1/hotspots/" + B.publicKey()).body())
                .get("denied")
                .asBoolean())
        .isTrue();
    assertThat(count("SELECT count(*) AS n FROM poc.denied_edge")).isEqualTo(1);
    assertThat(http.exchange(bearer(HttpRequest.DELETE(path), "s3cret-operator-token")).status())
        .isEqualTo(204);
    assertThat(http.exchange(bearer(HttpRequest.DELETE(edge), "s3cret-operator-token")).status())
        .isEqualTo(204);
    assertThat(count("SELECT count(*) AS n FROM poc.denied_key")).isZero();
    assertThat(count("SELECT count(*) AS n FROM poc.denied_edge")).isZero();
    assertRejected(
        http.exchange(bearer(HttpRequest.PUT("/v1/denylist/keys/x0", ""), "s3cret-operator-token")),
        400);
  }

  @Test
  void location_assertions_are_checked() throws Exception {
    String path = "/v1/hotspots/" + A.publicKey() + "/location";
    H3Cell res11 = H3Cell.fromLong(627111975465463807L);
    H3Cell res13 = H3Cell.fromLatLng(Hotspots.BEACONER_CELL.center(), 13);

    assertRejected(http.postProtobuf(path, Hotspots.location(A, res11, Region.EU868, 1)), 400);
    assertRejected(
        http.postProtobuf(
            "/v1/hotspots/" + B.publicKey() + "/location",
            Hotspots.location(A, Hotspots.BEACONER_CELL, Region.EU868, 1)),
        400);
    assertRejected(
        http.postProtobuf(
            "/v1/hotspots/" + STRANGER.publicKey() + "/location",
            Hotspots.location(STRANGER, Hotspots.BEACONER_CELL, Region.EU868, 1)),
        404);
    assertThat(count("SELECT count(*) AS n FROM poc.hotspot WHERE location IS NOT NULL")).isZero();

    Http.Reply fine = http.postProtobuf(path, Hotspots.location(A, res13, Region.EU868, 5));
    assertThat(fine.status()).isEqualTo(200);
    assertThat(JSON.readTree(fine.body()).get("location").asText())
        .as("a finer cell is stored as its res-12 parent")
        .isEqualTo(res13.parent(12).toDecimalString());
    assertRejected(
        http.postProtobuf(path, Hotspots.location(A, Hotspots.WITNESS_CELL, Region.EU868, 5)), 409);
    assertThat(
            JSON.readTree(http.get("/v1/hotspots/" + A.publicKey()).body())
                .get("location")
                .asText())
        .isEqualTo(res13.parent(12).toDecimalString());
    assertRejected(http.get("/v1/hotspots/" + STRANGER.publicKey()), 404);
    assertRejected(http.get("/v1/hotspots/not-a-key"), 400);
  }

  private static MutableHttpRequest<?> bearer(MutableHttpRequest<?> request, String token) {
    return request.bearerAuth(token);
  }

  private static void assertRejected(Http.Reply reply, int status) throws Exception {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(reply.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).isNotBlank();
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
