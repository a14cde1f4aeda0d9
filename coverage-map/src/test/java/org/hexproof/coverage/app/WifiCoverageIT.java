package org.hexproof.coverage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.coverage.app.FeedFixtures.VALLETTA;
import static org.hexproof.coverage.app.FeedFixtures.east;
import static org.hexproof.coverage.app.FeedFixtures.key;
import static org.hexproof.coverage.app.FeedFixtures.north;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.coverage.feed.FeedTranslator;
import org.hexproof.coverage.tiles.CoverageTilesTest;
import org.hexproof.coverage.tiles.TileCoordinate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * LoRa and Wi-Fi beacons in one feed, against embedded PostgreSQL: the scenario's LoRa entries plus
 * a Wi-Fi beacon of hotspot 40 (8 km north of Valletta, beyond hotspot 1's 4.8 km) heard at 10–40
 * m, and one entry at an unknown datarate, which is skipped with a warning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WifiCoverageIT {
  private static final LatLng WIFI_AT = north(VALLETTA, 8000);

  private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
  private StubOracle oracle;
  private RunningService service;

  @BeforeAll
  void start() {
    warnings.start();
    ((Logger) LoggerFactory.getLogger(FeedTranslator.class)).addAppender(warnings);
    Instant now = Instant.now();
    oracle = new StubOracle();
    FeedFixtures.scenario(now).forEach(oracle::add);
    Instant t = now.minusSeconds(600);
    oracle.add(FeedFixtures.wifiBeacon(11, 40, WIFI_AT, 41, t));
    Map<String, Object> unknown = FeedFixtures.wifiBeacon(12, 50, north(VALLETTA, 12_000), 51, t);
    @SuppressWarnings("unchecked")
    Map<String, Object> beacon = (Map<String, Object>) unknown.get("beacon");
    beacon.put("datarate", "WIFI_5G");
    oracle.add(unknown);
    service = new RunningService(oracle.url(), null);
    service.awaitCursor(oracle.lastId());
  }

  @AfterAll
  void stop() {
    ((Logger) LoggerFactory.getLogger(FeedTranslator.class)).detachAppender(warnings);
    if (service != null) {
      service.close();
    }
    oracle.close();
  }

  private JsonNode point(LatLng at, String technology) {
    return service.json(
        "/v1/coverage/point?lat="
            + at.latDegrees()
            + "&lng="
            + at.lngDegrees()
            + (technology == null ? "" : "&technology=" + technology));
  }

  private JsonNode hotspot(int n) {
    for (JsonNode h : service.json("/v1/coverage/hotspots")) {
      if (h.get("key").asText().equals(key(n).toBase58())) {
        return h;
      }
    }
    throw new AssertionError("hotspot " + n + " not listed");
  }

  @Test
  void wifi_cells_are_res_12_around_the_wifi_beaconer_only() {
    // about 2 km × 2 km around the Wi-Fi hotspot (res-12 boxes are limited to about 15 km²)
    String box =
        (WIFI_AT.lngDegrees() - 0.01)
            + ","
            + (WIFI_AT.latDegrees() - 0.01)
            + ","
            + (WIFI_AT.lngDegrees() + 0.01)
            + ","
            + (WIFI_AT.latDegrees() + 0.01);
    JsonNode cells = service.json("/v1/coverage/cells?bbox=" + box + "&technology=wifi");
    List<H3Cell> wifi = new ArrayList<>();
    for (JsonNode f : cells.get("features")) {
      wifi.add(H3Cell.parse(f.get("properties").get("cell").asText()));
    }

    assertThat(wifi).isNotEmpty().allSatisfy(c -> assertThat(c.resolution()).isEqualTo(12));
    assertThat(wifi).contains(H3Cell.fromLatLng(WIFI_AT, 12));
    // the model reaches about 32 m: nothing beyond 60 m of the Wi-Fi hotspot
    H3Cell home = H3Cell.fromLatLng(WIFI_AT, 12);
    assertThat(wifi).allSatisfy(c -> assertThat(c.distanceMeters(home)).isLessThan(60.0));
    JsonNode summary = service.json("/v1/coverage/summary?technology=wifi");
    assertThat(summary.get("technology").asText()).isEqualTo("WIFI");
    assertThat(summary.get("resolution").asInt()).isEqualTo(12);
    assertThat(summary.get("hotspots_counted").asInt()).isEqualTo(1);
  }

  @Test
  void the_wifi_point_lookup_is_covered_near_the_wifi_hotspot_and_not_far_away() {
    JsonNode near = point(east(WIFI_AT, 15), "wifi");
    assertThat(near.get("covered").asBoolean()).isTrue();
    assertThat(near.get("technology").asText()).isEqualTo("wifi");
    assertThat(near.get("resolution").asInt()).isEqualTo(12);
    assertThat(near.get("best_hotspots").get(0).get("hotspot").asText())
        .isEqualTo(key(40).toBase58());
    assertThat(near.get("covered_by_technology").get("wifi").asBoolean()).isTrue();
    assertThat(near.get("covered_by_technology").get("lora").asBoolean()).isFalse();

    assertThat(point(east(WIFI_AT, 300), "wifi").get("covered").asBoolean()).isFalse();
    assertThat(point(east(VALLETTA, 1500), "wifi").get("covered").asBoolean()).isFalse();
    // by default the answer is LoRa's, and LoRa does not cover the Wi-Fi hotspot's spot
    JsonNode byDefault = point(east(WIFI_AT, 15), null);
    assertThat(byDefault.get("covered").asBoolean()).isFalse();
    assertThat(byDefault.get("technology").asText()).isEqualTo("lora");
  }

  @Test
  void lora_answers_are_those_of_the_lora_entries_alone() {
    JsonNode p = point(east(VALLETTA, 1500), null);
    assertThat(p.get("covered").asBoolean()).isTrue();
    assertThat(p.get("resolution").asInt()).isEqualTo(9);
    assertThat(p.get("rssi_dbm").asDouble()).isBetween(-108.0, -102.0);
    assertThat(p.get("covered_by_technology").get("lora").asBoolean()).isTrue();
    assertThat(p).isEqualTo(point(east(VALLETTA, 1500), "lora"));

    JsonNode lora = service.json("/v1/coverage/summary");
    assertThat(lora.get("technology").asText()).isEqualTo("LORA");
    assertThat(lora.get("resolution").asInt()).isEqualTo(9);
    assertThat(lora.get("hotspots_counted").asInt()).isEqualTo(1);
    // the LoRa hotspot keeps its 12 samples; the Wi-Fi one has its own 4
    assertThat(hotspot(1).get("witness_samples").asInt()).isEqualTo(12);
    assertThat(hotspot(1).get("radio").asText()).isEqualTo("lora");
    assertThat(hotspot(1).get("datarate").asText()).isEqualTo("SF12BW125");
  }

  @Test
  void the_wifi_hotspot_shows_its_radio_and_its_own_coverage() {
    JsonNode h = hotspot(40);
    assertThat(h.get("radio").asText()).isEqualTo("wifi");
    assertThat(h.get("datarate").asText()).isEqualTo("WIFI_2G4");
    assertThat(h.get("counted").asBoolean()).isTrue();
    assertThat(h.get("witness_samples").asInt()).isEqualTo(4);
    assertThat(h.get("covered_cells").asInt()).isPositive();

    String path = "/v1/coverage/hotspots/" + key(40).toBase58();
    JsonNode own = service.json(path);
    assertThat(own.get("features")).hasSize(h.get("covered_cells").asInt());
    assertThat(service.json(path + "?technology=wifi")).isEqualTo(own);
    assertThat(service.json(path + "?technology=lora").get("features")).isEmpty();
    assertThat(service.json(path + "/polygons").get("features")).isNotEmpty();
  }

  @Test
  void wifi_tiles_draw_the_wifi_map() throws Exception {
    TileCoordinate tile = TileCoordinate.containing(WIFI_AT, 18);
    String path = "/tiles/" + tile + ".mvt";
    HttpResponse<byte[]> wifi = service.getBytes(path + "?technology=wifi");
    HttpResponse<byte[]> lora = service.getBytes(path);

    assertThat(wifi.statusCode()).isEqualTo(200);
    assertThat(CoverageTilesTest.decode(wifi.body()).get("coverage").features()).isNotEmpty();
    Map<String, CoverageTilesTest.Layer> loraLayers = CoverageTilesTest.decode(lora.body());
    assertThat(
            loraLayers.containsKey("coverage") ? loraLayers.get("coverage").features() : List.of())
        .isEmpty();
  }

  @Test
  void an_unknown_datarate_is_skipped_with_a_warning_naming_what_was_expected() {
    // the entry is skipped whole: its beaconer and witnesses are not named
    assertThat(service.json("/v1/coverage/hotspots"))
        .noneSatisfy(h -> assertThat(h.get("key").asText()).isEqualTo(key(50).toBase58()));
    assertThat(warnings.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .contains(
            "feed entry 12 skipped: datarate: expected a LoRa datarate SF<5..12>BW<kHz> such as"
                + " SF12BW125, or WIFI_2G4, got \"WIFI_5G\"");
  }

  @Test
  void an_unknown_technology_is_400_problem_json_naming_lora_and_wifi() {
    for (String path :
        List.of(
            "/v1/coverage/point?lat=35.9&lng=14.5&technology=x",
            "/v1/coverage/cells?bbox=14.4,35.8,14.6,35.9&technology=x",
            "/tiles/2/0/1.mvt?technology=x",
            "/v1/coverage/hotspots/" + key(40).toBase58() + "?technology=x")) {
      HttpResponse<String> r = service.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(RunningService.parse(r.body()).get("detail").asText())
          .isEqualTo("technology: expected lora or wifi, got \"x\"");
    }
  }
}
