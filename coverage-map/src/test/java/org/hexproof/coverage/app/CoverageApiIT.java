package org.hexproof.coverage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.coverage.app.FeedFixtures.VALLETTA;
import static org.hexproof.coverage.app.FeedFixtures.east;
import static org.hexproof.coverage.app.FeedFixtures.key;
import static org.hexproof.coverage.app.FeedFixtures.north;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.graceful.GracefulShutdownConfiguration;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.hexproof.core.geo.LatLng;
import org.hexproof.coverage.tiles.CoverageTilesTest;
import org.hexproof.coverage.tiles.TileCoordinate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The coverage API against embedded PostgreSQL, with data loaded through the feed consumer from a
 * stub oracle (five entries, page size 2, so three pages and one empty poll).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageApiIT {
  private StubOracle oracle;
  private RunningService service;

  @BeforeAll
  void start() {
    oracle = new StubOracle();
    FeedFixtures.scenario(Instant.now()).forEach(oracle::add);
    service = new RunningService(oracle.url(), null);
    service.awaitCursor(oracle.lastId());
  }

  @AfterAll
  void stop() {
    if (service != null) {
      service.close();
    }
    oracle.close();
  }

  private JsonNode point(LatLng at) {
    return service.json("/v1/coverage/point?lat=" + at.latDegrees() + "&lng=" + at.lngDegrees());
  }

  @Test
  void a_point_near_a_witnessed_hotspot_is_covered_by_it() {
    JsonNode p = point(east(VALLETTA, 1500));

    assertThat(p.get("covered").asBoolean()).isTrue();
    assertThat(p.get("status").asText()).isEqualTo("MODELED");
    assertThat(p.get("source").asText()).isEqualTo("MODELED");
    assertThat(p.get("level").asText()).isIn("HIGH", "MEDIUM", "LOW");
    // A = -100 dBm at 1 km, n = 3: about -105 dBm at 1.5 km
    assertThat(p.get("rssi_dbm").asDouble()).isBetween(-108.0, -102.0);
    assertThat(p.get("resolution").asInt()).isEqualTo(9);
    JsonNode best = p.get("best_hotspots").get(0);
    assertThat(best.get("hotspot").asText()).isEqualTo(key(1).toBase58());
    assertThat(best.get("distance_m").asLong()).isBetween(1000L, 2000L);
  }

  @Test
  void a_point_without_evidence_is_not_mapped() {
    JsonNode p = point(new LatLng(35.5, 12.6));

    assertThat(p.get("covered").asBoolean()).isFalse();
    assertThat(p.get("status").asText()).isEqualTo("NOT_MAPPED");
    assertThat(p.get("source").isNull()).isTrue();
    assertThat(p.get("rssi_dbm").isNull()).isTrue();
    assertThat(p.get("best_hotspots")).isEmpty();
  }

  @Test
  void a_drive_test_nobody_heard_makes_a_covered_cell_measured_none() {
    LatLng spot = north(VALLETTA, 2000);
    assertThat(point(spot).get("status").asText()).isEqualTo("MODELED");
    String heardFar =
        "{\"lat\":35.95,\"lng\":14.30,\"time\":\""
            + Instant.now()
            + "\",\"rssi\":-97.5,\"snr\":6.0,\"heard_by\":[\""
            + key(1).toBase58()
            + "\"]}";
    String silent =
        "{\"lat\":"
            + spot.latDegrees()
            + ",\"lng\":"
            + spot.lngDegrees()
            + ",\"time\":\""
            + Instant.now()
            + "\",\"rssi\":null,\"snr\":null,\"heard_by\":[]}";

    HttpResponse<String> r =
        service.post("/v1/coverage/measurements", "[" + silent + "," + heardFar + "]");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(RunningService.parse(r.body()).get("accepted").asInt()).isEqualTo(2);
    JsonNode none = point(spot);
    assertThat(none.get("covered").asBoolean()).isFalse();
    assertThat(none.get("status").asText()).isEqualTo("MEASURED_NONE");
    assertThat(none.get("source").asText()).isEqualTo("MEASURED");
    JsonNode heard = point(new LatLng(35.95, 14.30));
    assertThat(heard.get("covered").asBoolean()).isTrue();
    assertThat(heard.get("status").asText()).isEqualTo("MEASURED");
    assertThat(heard.get("rssi_dbm").asDouble()).isEqualTo(-97.5);
  }

  @Test
  void hotspot_list_counts_the_feed_once_per_entry() {
    JsonNode list = service.json("/v1/coverage/hotspots");
    JsonNode one = find(list, key(1).toBase58());
    JsonNode two = find(list, key(2).toBase58());

    assertThat(one.get("counted").asBoolean()).isTrue();
    assertThat(one.get("valid_beacons").asLong()).isEqualTo(3);
    assertThat(one.get("witness_samples").asInt()).isEqualTo(12);
    assertThat(one.get("covered_cells").asInt()).isGreaterThan(100);
    assertThat(one.get("range_m").asLong()).isBetween(4700L, 4900L);
    assertThat(one.get("datarate").asText()).isEqualTo("SF12BW125");
    assertThat(two.get("counted").asBoolean()).isFalse();
    assertThat(two.get("valid_beacons").asLong()).isEqualTo(1);
    assertThat(find(list, key(11).toBase58()).get("valid_witnesses").asLong()).isEqualTo(3);
    assertThat(StreamSupport.stream(list.spliterator(), false).map(h -> h.get("key").asText()))
        .doesNotContain(key(3).toBase58());
  }

  @Test
  void a_hotspots_hexes_are_geojson_and_merge_into_polygons_per_level() {
    String k = key(1).toBase58();
    int expected = find(service.json("/v1/coverage/hotspots"), k).get("covered_cells").asInt();

    HttpResponse<String> cells = service.get("/v1/coverage/hotspots/" + k);
    JsonNode polygons = service.json("/v1/coverage/hotspots/" + k + "/polygons");

    assertThat(cells.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
    JsonNode fc = RunningService.parse(cells.body());
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.get("features")).hasSize(expected);
    assertThat(fc.get("features").get(0).get("geometry").get("type").asText()).isEqualTo("Polygon");
    int merged = 0;
    for (JsonNode f : polygons.get("features")) {
      assertThat(f.get("geometry").get("type").asText()).isIn("Polygon", "MultiPolygon");
      merged += f.get("properties").get("cells").asInt();
    }
    assertThat(merged).isEqualTo(expected);
    assertThat(service.json("/v1/coverage/hotspots/" + key(2).toBase58()).get("features"))
        .isEmpty();
    assertThat(service.get("/v1/coverage/hotspots/" + key(77).toBase58()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void cells_in_a_box_at_the_requested_resolution() {
    String bbox = "14.45,35.85,14.60,35.95";

    JsonNode res9 = service.json("/v1/coverage/cells?bbox=" + bbox + "&res=9");
    JsonNode res7 = service.json("/v1/coverage/cells?bbox=" + bbox + "&res=7");
    JsonNode z12 = service.json("/v1/coverage/cells?bbox=" + bbox + "&zoom=12");
    JsonNode z5 = service.json("/v1/coverage/cells?bbox=" + bbox + "&zoom=5");

    assertThat(res9.get("features").size()).isGreaterThan(100);
    assertThat(res7.get("features").size()).isBetween(1, 20);
    assertThat(z12.get("features").size()).isEqualTo(res9.get("features").size());
    assertThat(z5.get("features")).isEmpty();
    assertThat(res9.get("features").get(0).get("properties").get("level").asText())
        .isIn("HIGH", "MEDIUM", "LOW", "NONE");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/v1/coverage/point?lat=abc&lng=14.5|lat: expected a number",
        "/v1/coverage/point?lat=91&lng=14.5|lat: expected a latitude in [-90, 90]",
        "/v1/coverage/point?lng=14.5|lat: expected a number, got nothing",
        "/v1/coverage/point?cell=zz|cell: expected an H3 cell index",
        "/v1/coverage/cells?bbox=1,2,3|bbox: expected \"west,south,east,north\"",
        "/v1/coverage/cells?bbox=14.6,35.8,14.4,35.9|bbox: expected west < east",
        "/v1/coverage/cells?bbox=-10,30,20,60&res=9|bbox: expected at most 50000 res-9 cells",
        "/v1/coverage/cells?bbox=14.4,35.8,14.6,35.9&res=10|resolution: expected an H3 resolution in [0, 9]",
        "/v1/coverage/cells?bbox=14.4,35.8,14.6,35.9&zoom=30|zoom: expected 0..22",
        "/v1/coverage/hotspots/notakey|key: expected a base58check hotspot key",
        "/tiles/23/0/0.mvt|tile: expected zoom in [0, 22]",
        "/tiles/2/0/4.mvt|tile: expected x and y in [0, 3]",
        "/tiles/2/x/1.mvt|x: expected an integer",
        "/tiles/2/0/1.png|tile: expected /tiles/{z}/{x}/{y}.mvt"
      })
  void malformed_queries_are_400_problem_json_saying_what_was_expected(String path, String detail) {
    HttpResponse<String> r = service.get(path);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = RunningService.parse(r.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).contains(detail);
  }

  @Test
  void a_bad_measurement_rejects_the_whole_upload() {
    String body =
        "[{\"lat\":35.9,\"lng\":14.5,\"time\":\"2026-01-01T00:00:00Z\",\"heard_by\":[]},"
            + "{\"lat\":35.9,\"lng\":14.5,\"time\":\"yesterday\",\"heard_by\":[]}]";

    HttpResponse<String> r = service.post("/v1/coverage/measurements", body);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(RunningService.parse(r.body()).get("detail").asText())
        .startsWith("measurements[1].time: expected an ISO-8601 instant");
  }

  @Test
  void a_tile_over_the_hotspot_decodes_with_both_layers() throws IOException {
    TileCoordinate tile = TileCoordinate.containing(VALLETTA, 12);
    String path = "/tiles/" + tile + ".mvt";

    HttpResponse<byte[]> first = service.getBytes(path);
    HttpResponse<byte[]> second = service.getBytes(path);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.mapbox-vector-tile");
    assertThat(second.body()).isEqualTo(first.body());
    Map<String, CoverageTilesTest.Layer> layers = CoverageTilesTest.decode(first.body());
    assertThat(layers.get("coverage").features()).isNotEmpty();
    assertThat(layers.get("hotspots").features())
        .anySatisfy(f -> assertThat(f.properties()).containsEntry("hotspot", key(1).toBase58()));
    assertThat(service.get("/prometheus").body()).contains("hexproof_coverage_tiles_cache_hits");
  }

  @Test
  void summary_health_metrics_and_the_page_are_served() {
    JsonNode summary = service.json("/v1/coverage/summary");

    assertThat(summary.get("feed_cursor").asLong()).isEqualTo(10);
    assertThat(summary.get("hotspots_counted").asInt()).isEqualTo(1);
    assertThat(summary.get("total_cells").asInt()).isGreaterThan(100);
    assertThat(summary.get("ladder").get("resolution_by_zoom").get(12).asInt()).isEqualTo(9);
    assertThat(summary.get("ladder").get("resolution_by_zoom").get(6).isNull()).isTrue();
    assertThat(summary.get("tile_url").asText()).isEmpty();
    assertThat(service.get("/health").body()).contains("UP");
    assertThat(service.get("/prometheus").body())
        .contains("hexproof_coverage_feed_cursor 10.0")
        .contains("hexproof_coverage_feed_entries_total 5.0");
    assertThat(service.get("/").body()).contains("<div id=\"map\"");
    assertThat(service.get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode()).isEqualTo(200);
    assertThat(service.get("/countries-50m.json").body()).startsWith("{\"type\":\"Topology\"");
  }

  @Test
  void a_stop_first_drains_requests_for_the_documented_grace_period() {
    assertThat(service.context().getBean(GracefulShutdownConfiguration.class).getGracePeriod())
        .isEqualTo(Duration.ofSeconds(5));
  }

  private static JsonNode find(JsonNode list, String key) {
    for (JsonNode h : list) {
      if (h.get("key").asText().equals(key)) {
        return h;
      }
    }
    throw new AssertionError("no hotspot " + key + " in " + list);
  }
}
