package org.hexproof.rewards.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hexproof.core.testing.fuzz.HostileStrings;
import org.hexproof.core.testing.fuzz.HostileStrings.Hostile;
import org.hexproof.rewards.close.RewardsDatabase;
import org.hexproof.support.testing.SchemaSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rewards API's hostile-input matrix: every epoch, key and limit value in a path or query gets
 * each injection-shaped string ({@link HostileStrings}) against a service with one minted epoch.
 * Each request must get 400 (413 for the 10 kB value, over the request-line limit) with problem
 * JSON naming what was expected, and a snapshot of every table of the {@code rewards} schema must
 * be the same after as before.
 */
class RewardsHostileInputIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long EPOCH = RewardsApplicationIT.EPOCH.index();
  private static final String KEY = RewardsApplicationIT.BEACONER.toBase58();

  @TempDir static Path dir;

  private static StubOracle oracle;
  private static RewardsDatabase db;
  private static EmbeddedServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    oracle = new StubOracle();
    oracle.add(17, RewardsApplicationIT.entry(17, "2026-11-25T03:14:29.500Z", "valid", true));
    oracle.watermark("2026-11-26T00:31:00Z");
    db = RewardsDatabase.fresh();
    server = RewardsApplicationIT.serve(oracle, db, dir, Map.of());
    http = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (exchange(HttpRequest.GET("/v1/rewards/epochs/" + EPOCH)).code() != 200) {
      assertThat(System.nanoTime()).as("epoch minted within 60 s").isLessThan(deadline);
      Thread.sleep(100);
    }
    oracle.down.set(true); // nothing new to consume: the tables stay as they are
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.getApplicationContext().close();
    }
    if (oracle != null) {
      oracle.close();
    }
    if (db != null) {
      db.close();
    }
  }

  record Place(String name, Function<String, String> path) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> hostileValues() {
    List<Place> places =
        List.of(
            new Place("epoch", v -> "/v1/rewards/epochs/" + v),
            new Place("hotspot's epoch", v -> "/v1/rewards/epochs/" + v + "/hotspots/" + KEY),
            new Place("epoch's hotspot", v -> "/v1/rewards/epochs/" + EPOCH + "/hotspots/" + v),
            new Place("proof epoch", v -> "/v1/rewards/epochs/" + v + "/proofs/" + KEY),
            new Place("proof key", v -> "/v1/rewards/epochs/" + EPOCH + "/proofs/" + v),
            new Place("history key", v -> "/v1/rewards/hotspots/" + v + "/epochs"),
            new Place("history limit", v -> "/v1/rewards/hotspots/" + KEY + "/epochs?limit=" + v),
            new Place("wallet", v -> "/v1/rewards/wallets/" + v));
    List<Arguments> cases = new ArrayList<>();
    for (Place place : places) {
      for (Hostile h : HostileStrings.all()) {
        cases.add(Arguments.of(place, h));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} <- {1}")
  @MethodSource("hostileValues")
  void a_hostile_value_is_refused_with_400_or_413_and_changes_nothing(Place place, Hostile value)
      throws Exception {
    Map<String, String> before = SchemaSnapshot.of(db.sql(), "rewards");
    String path = place.path().apply(value.encoded());

    HttpResponse<byte[]> reply = exchange(HttpRequest.GET(path));

    String body = new String(reply.body() == null ? new byte[0] : reply.body());
    // 10 kB is over the server's request-line limit: 413
    int status = value.raw().equals(HostileStrings.TEN_KB) ? 413 : 400;
    assertThat(reply.code()).as(place + " -> " + abbreviate(body)).isEqualTo(status);
    assertThat(reply.getContentType().map(Object::toString).orElse(""))
        .as(place + " -> " + abbreviate(body))
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(body);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).as(place.toString()).contains("expected");
    assertThat(SchemaSnapshot.of(db.sql(), "rewards")).isEqualTo(before);
  }

  private static HttpResponse<byte[]> exchange(HttpRequest<?> request) {
    try {
      return http.toBlocking().exchange(request, byte[].class);
    } catch (HttpClientResponseException e) {
      @SuppressWarnings("unchecked")
      HttpResponse<byte[]> response = (HttpResponse<byte[]>) e.getResponse();
      return response.getBody(byte[].class).isPresent() ? withBody(e) : response;
    }
  }

  private static HttpResponse<byte[]> withBody(HttpClientResponseException e) {
    byte[] body = e.getResponse().getBody(byte[].class).orElse(new byte[0]);
    return HttpResponse.<byte[]>status(e.getStatus())
        .contentType(e.getResponse().getContentType().orElse(null))
        .body(body);
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
