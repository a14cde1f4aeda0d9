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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.Region;
import org.hexproof.core.report.SignedMessages;
import org.hexproof.core.testing.fuzz.HostileStrings;
import org.hexproof.core.testing.fuzz.HostileStrings.Hostile;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.support.testing.SchemaSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oracle's hostile-input matrix: every path, query and body value of the registry, denylist,
 * ingest, report and feed endpoints gets each injection-shaped string ({@link HostileStrings}), and
 * every signed-body endpoint gets a forged, oversized, malformed, empty and wrong-network body.
 * Each request must get its documented status with problem JSON naming what was expected, and a
 * snapshot of every table of the {@code poc} schema (row count and content hash) must be the same
 * after as before. {@link IngestSecurityIT} covers replays, other keys and operator tokens of the
 * ingest and denylist endpoints with valid values.
 */
@MicronautTest(environments = "oracle")
// a free port: 8080 (application-oracle.yml) may be taken on the machine running the tests
@Property(name = "micronaut.server.port", value = "-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "hexproof.test.clock", value = "manual")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.operator-token", value = "hostile-operator-token")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/hostile/oracle.key")
class HostileInputIT {
  static final String TOKEN = "hostile-operator-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Ed25519KeyPair A = Hotspots.key(21);
  private static final Ed25519KeyPair B = Hotspots.key(22);

  @Inject
  @Client("/")
  HttpClient client;

  @Inject PocDatabase db;
  @Inject EntropyService entropy;

  Http http;
  EntropyReport served;

  @BeforeAll
  void onboard() {
    http = new Http(client);
    assertThat(http.postProtobuf("/v1/hotspots", Hotspots.onboarding(A)).status()).isEqualTo(201);
    assertThat(http.postProtobuf("/v1/hotspots", Hotspots.onboarding(B)).status()).isEqualTo(201);
    assertThat(
            http.postProtobuf(
                    "/v1/hotspots/" + A.publicKey() + "/location",
                    Hotspots.location(A, Hotspots.BEACONER_CELL, Region.EU868, 1))
                .status())
        .isEqualTo(200);
    served = entropy.tick();
  }

  /** One hostile request: where the value goes, the request, and the documented status. */
  record Case(String name, Function<Hostile, MutableHttpRequest<?>> request, int status) {}

  static List<Case> places() {
    String a = A.publicKey().toBase58();
    byte[] assertion = Hotspots.location(A, Hotspots.BEACONER_CELL, Region.EU868, 2);
    return List.of(
        new Case("GET hotspot key", h -> HttpRequest.GET("/v1/hotspots/" + h.encoded()), 400),
        // "nul" found here: the id went to PostgreSQL, which refuses a NUL in text (a 500)
        new Case("GET report id", h -> HttpRequest.GET("/v1/reports/" + h.encoded()), 404),
        new Case("GET feed after", h -> HttpRequest.GET("/v1/poc/feed?after=" + h.encoded()), 400),
        new Case("GET feed limit", h -> HttpRequest.GET("/v1/poc/feed?limit=" + h.encoded()), 400),
        new Case(
            "PUT denied key",
            h -> HttpRequest.PUT("/v1/denylist/keys/" + h.encoded(), "").bearerAuth(TOKEN),
            400),
        new Case(
            "DELETE denied key",
            h -> HttpRequest.DELETE("/v1/denylist/keys/" + h.encoded()).bearerAuth(TOKEN),
            400),
        new Case(
            "PUT denied edge",
            h ->
                HttpRequest.PUT("/v1/denylist/edges/" + a + "/" + h.encoded(), "")
                    .bearerAuth(TOKEN),
            400),
        new Case(
            "POST location key",
            h ->
                HttpRequest.POST("/v1/hotspots/" + h.encoded() + "/location", assertion)
                    .contentType(ProtobufMedia.TYPE),
            400),
        new Case("POST onboarding body", h -> protobuf("/v1/hotspots", h), 400),
        new Case("POST beacon body", h -> protobuf("/v1/reports/beacon", h), 400),
        new Case("POST witness body", h -> protobuf("/v1/reports/witness", h), 400));
  }

  static Stream<Arguments> hostileValues() {
    List<Arguments> cases = new ArrayList<>();
    for (Case c : places()) {
      for (Hostile h : HostileStrings.all()) {
        cases.add(Arguments.of(c.name(), h, c));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} <- {1}")
  @MethodSource("hostileValues")
  void a_hostile_value_is_refused_and_changes_nothing(String place, Hostile value, Case c)
      throws Exception {
    // 10 kB is over the server's request-line limit and the signed-body limit: 413 either way
    int status = value.raw().equals(HostileStrings.TEN_KB) ? 413 : c.status();
    assertRefusedAndNothingChanged(c.request().apply(value), status);
  }

  @Test
  void a_hostile_operator_token_is_refused_and_changes_nothing() throws Exception {
    for (Hostile h : HostileStrings.all()) {
      if (h.raw().chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f) && h.raw().length() < 4096) {
        assertRefusedAndNothingChanged(
            HttpRequest.PUT("/v1/denylist/keys/" + B.publicKey(), "").bearerAuth(h.raw()), 403);
      }
    }
  }

  static Stream<Arguments> signedBodyEndpoints() {
    return Stream.of(
        Arguments.of("/v1/hotspots"),
        Arguments.of("/v1/hotspots/" + A.publicKey() + "/location"),
        Arguments.of("/v1/reports/beacon"),
        Arguments.of("/v1/reports/witness"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedBodyEndpoints")
  void forged_oversized_malformed_empty_and_wrong_network_bodies_are_refused(String path)
      throws Exception {
    byte[] valid = signedBy(path, A);
    byte[] forged = valid.clone();
    forged[forged.length - 1] ^= 0x40; // the signature (field 15) is encoded last
    byte[] oversized = Arrays.copyOf(valid, 64 * 1024);
    byte[] wrongNetwork = signedBy(path, Ed25519KeyPair.fromSeed(Network.TESTNET, new byte[32]));

    assertRefusedAndNothingChanged(post(path, forged), 401);
    assertRefusedAndNothingChanged(post(path, oversized), 413);
    assertRefusedAndNothingChanged(post(path, new byte[] {0x0a, 0x7f, 0x01}), 400);
    assertRefusedAndNothingChanged(post(path, new byte[0]), 400);
    assertRefusedAndNothingChanged(post(path, wrongNetwork), 400);
  }

  @Test
  void a_replayed_or_foreign_location_assertion_is_refused() throws Exception {
    String path = "/v1/hotspots/" + A.publicKey() + "/location";
    assertRefusedAndNothingChanged(
        post(path, Hotspots.location(A, Hotspots.WITNESS_CELL, Region.EU868, 1)), 409);
    assertRefusedAndNothingChanged(
        post(path, Hotspots.location(B, Hotspots.WITNESS_CELL, Region.EU868, 9)), 400);
  }

  @Test
  void injection_shaped_bytes_in_a_signed_report_are_stored_verbatim_as_data() throws Exception {
    byte[] sql = "'); DELETE FROM poc.hotspot; --".getBytes(StandardCharsets.UTF_8);
    BeaconReport report =
        SignedMessages.sign(
            Hotspots.beacon(A, served, 8).toBuilder().setData(ByteString.copyFrom(sql)).build(), A);
    Map<String, String> before = SchemaSnapshot.of(db.sql(), "poc");

    Http.Reply reply = http.postProtobuf("/v1/reports/beacon", report.toByteArray());

    assertThat(reply.status()).isEqualTo(202);
    Map<String, String> after = SchemaSnapshot.of(db.sql(), "poc");
    assertThat(after.get("hotspot")).isEqualTo(before.get("hotspot"));
    String id = JSON.readTree(reply.body()).get("report_id").asText();
    assertThat(
            db.sql()
                .queryOne(
                    "SELECT data FROM poc.beacon_report WHERE report_id = $1",
                    row -> row.get("data", byte[].class),
                    id)
                .orElseThrow())
        .isEqualTo(sql);
  }

  /** A valid body for {@code path}, signed by {@code key}. */
  private byte[] signedBy(String path, Ed25519KeyPair key) {
    if (path.equals("/v1/hotspots")) {
      return Hotspots.onboarding(key);
    } else if (path.endsWith("/location")) {
      return Hotspots.location(key, Hotspots.WITNESS_CELL, Region.EU868, 50);
    }
    BeaconReport beacon = Hotspots.beacon(key, served, 9);
    return path.endsWith("beacon")
        ? beacon.toByteArray()
        : Hotspots.witness(key, beacon).toByteArray();
  }

  private static MutableHttpRequest<?> protobuf(String path, Hostile h) {
    return HttpRequest.POST(path, h.raw().getBytes(StandardCharsets.UTF_8))
        .contentType(ProtobufMedia.TYPE);
  }

  private static MutableHttpRequest<?> post(String path, byte[] body) {
    return HttpRequest.POST(path, body).contentType(ProtobufMedia.TYPE);
  }

  private void assertRefusedAndNothingChanged(MutableHttpRequest<?> request, int status)
      throws Exception {
    Map<String, String> before = SchemaSnapshot.of(db.sql(), "poc");
    Http.Reply reply = http.exchange(request);
    String what = request.getMethod() + " " + abbreviate(request.getUri().toString());
    assertThat(reply.status()).as(what + " -> " + abbreviate(reply.text())).isEqualTo(status);
    assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(reply.body());
    assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
    String detail = problem.get("detail").asText();
    if (status == 400 || status == 413) {
      assertThat(detail).as(what).contains("expected");
    } else {
      assertThat(detail).as(what).isNotBlank();
    }
    assertThat(SchemaSnapshot.of(db.sql(), "poc")).as(what + ": poc tables").isEqualTo(before);
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
