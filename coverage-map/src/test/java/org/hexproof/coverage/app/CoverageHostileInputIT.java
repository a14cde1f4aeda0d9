package org.hexproof.coverage.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.r2dbc.spi.ConnectionFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hexproof.core.testing.fuzz.HostileStrings;
import org.hexproof.core.testing.fuzz.HostileStrings.Hostile;
import org.hexproof.support.db.Sql;
import org.hexproof.support.testing.SchemaSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The coverage API's hostile-input matrix: every point, cell, box, resolution, zoom, tile, key,
 * technology and measurement value gets each injection-shaped string ({@link HostileStrings})
 * against a service that has consumed the stub oracle's feed. Each request must get 400 (413 for
 * the 10 kB value in a URL, over the request-line limit) with problem JSON naming what was
 * expected, and a snapshot of every table of the {@code coverage} schema must be the same after as
 * before (the measurement uploads are all-or-nothing).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageHostileInputIT {
  private static final String BOX = "bbox=14.4,35.8,14.6,35.9";
  private static final String MEASUREMENT =
      "{\"lat\":35.9,\"lng\":14.5,\"time\":%s,\"rssi\":-90,\"snr\":5,\"heard_by\":[%s]}";
  private static final String TIME = "\"2026-01-01T00:00:00Z\"";

  private StubOracle oracle;
  private RunningService service;
  private Sql sql;

  @BeforeAll
  void start() {
    oracle = new StubOracle();
    FeedFixtures.scenario(Instant.now()).forEach(oracle::add);
    service = new RunningService(oracle.url(), null);
    service.awaitCursor(oracle.lastId());
    sql = new Sql(service.context().getBean(ConnectionFactory.class), Duration.ofSeconds(20));
  }

  @AfterAll
  void stop() {
    if (service != null) {
      service.close();
    }
    oracle.close();
  }

  /** Where a value goes; {@code valid} lists the hostile values that are legal there. */
  record Place(String name, Function<Hostile, String> path, Set<String> valid) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> hostileValues() {
    Set<String> none = Set.of();
    String tech = "technology=";
    String hotspot = "/v1/coverage/hotspots/" + FeedFixtures.key(1).toBase58();
    Set<String> numbers = Set.of("negative"); // -1 is a latitude and a longitude
    List<Place> places =
        List.of(
            new Place("point lat", h -> "/v1/coverage/point?lng=14.5&lat=" + h.encoded(), numbers),
            new Place("point lng", h -> "/v1/coverage/point?lat=35.9&lng=" + h.encoded(), numbers),
            new Place("point cell", h -> "/v1/coverage/point?cell=" + h.encoded(), none),
            new Place("cells bbox", h -> "/v1/coverage/cells?bbox=" + h.encoded(), none),
            new Place("cells res", h -> "/v1/coverage/cells?" + BOX + "&res=" + h.encoded(), none),
            new Place(
                "cells zoom", h -> "/v1/coverage/cells?" + BOX + "&zoom=" + h.encoded(), none),
            new Place("cell", h -> "/v1/coverage/cells/" + h.encoded(), none),
            new Place("hotspot", h -> "/v1/coverage/hotspots/" + h.encoded(), none),
            new Place(
                "hotspot polygons",
                h -> "/v1/coverage/hotspots/" + h.encoded() + "/polygons",
                none),
            new Place("tile z", h -> "/tiles/" + h.encoded() + "/0/0.mvt", none),
            new Place("tile x", h -> "/tiles/2/" + h.encoded() + "/1.mvt", none),
            new Place("tile y", h -> "/tiles/2/0/" + h.encoded(), none),
            new Place(
                "point technology",
                h -> "/v1/coverage/point?lat=35.9&lng=14.5&" + tech + h.encoded(),
                none),
            new Place(
                "cells technology",
                h -> "/v1/coverage/cells?" + BOX + "&" + tech + h.encoded(),
                none),
            new Place(
                "cell technology",
                h ->
                    "/v1/coverage/cells/"
                        + FeedFixtures.cell(FeedFixtures.VALLETTA)
                        + "?"
                        + tech
                        + h.encoded(),
                none),
            new Place("hotspot technology", h -> hotspot + "?" + tech + h.encoded(), none),
            new Place(
                "hotspot polygons technology",
                h -> hotspot + "/polygons?" + tech + h.encoded(),
                none),
            new Place("tile technology", h -> "/tiles/2/0/1.mvt?" + tech + h.encoded(), none),
            new Place(
                "summary technology", h -> "/v1/coverage/summary?" + tech + h.encoded(), none),
            new Place("ladder technology", h -> "/v1/coverage/ladder?" + tech + h.encoded(), none));
    List<Arguments> cases = new ArrayList<>();
    for (Place place : places) {
      for (Hostile h : HostileStrings.all()) {
        if (!place.valid().contains(h.label())) {
          cases.add(Arguments.of(place, h));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} <- {1}")
  @MethodSource("hostileValues")
  void a_hostile_query_value_is_refused_with_400_or_413_and_changes_nothing(
      Place place, Hostile value) {
    String path = place.path().apply(value);
    // 10 kB is over the server's request-line limit: 413
    int status = value.raw().equals(HostileStrings.TEN_KB) ? 413 : 400;
    assertRefusedAndNothingChanged(path, status, () -> service.get(path));
  }

  static Stream<Hostile> hostileStrings() {
    return HostileStrings.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileStrings")
  void a_hostile_measurement_field_rejects_the_whole_upload(Hostile value) {
    String json = jsonString(value.raw());
    String good = String.format(MEASUREMENT, TIME, "");
    for (String bad :
        List.of(
            String.format(MEASUREMENT, json, ""), String.format(MEASUREMENT, TIME, json), json)) {
      String body = "[" + good + "," + bad + "]";
      assertRefusedAndNothingChanged(
          "measurements <- " + value, 400, () -> service.post("/v1/coverage/measurements", body));
    }
  }

  @Test
  void a_null_key_in_heard_by_is_refused_with_400() {
    // found by CoverageParamsFuzzTest: Params.key(null) threw a NullPointerException (a 500)
    String body = "[" + String.format(MEASUREMENT, TIME, "null") + "]";
    JsonNode problem =
        assertRefusedAndNothingChanged(
            "heard_by [null]", 400, () -> service.post("/v1/coverage/measurements", body));
    assertThat(problem.get("detail").asText()).contains("heard_by[0]");
  }

  private JsonNode assertRefusedAndNothingChanged(
      String what, int status, Supplier<HttpResponse<String>> request) {
    Map<String, String> before = SchemaSnapshot.of(sql, "coverage");
    HttpResponse<String> r = request.get();
    String shown = abbreviate(what) + " -> " + abbreviate(r.body());
    assertThat(r.statusCode()).as(shown).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .as(shown)
        .hasValue("application/problem+json");
    JsonNode problem = RunningService.parse(r.body());
    assertThat(problem.get("status").asInt()).as(shown).isEqualTo(status);
    assertThat(problem.get("detail").asText()).as(shown).contains("expected");
    assertThat(SchemaSnapshot.of(sql, "coverage")).as(shown).isEqualTo(before);
    return problem;
  }

  private static String jsonString(String raw) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : raw.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
