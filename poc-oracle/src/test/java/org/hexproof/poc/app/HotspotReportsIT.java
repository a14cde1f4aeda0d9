package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.Region;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.worker.DensityCache;
import org.hexproof.poc.worker.PocWorker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An owner reads what a hotspot sent and how each report was judged, newest first, page by page: a
 * witness hotspot heard three beacons that were verified and a fourth that is still open.
 */
@MicronautTest(environments = "oracle")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "hexproof.test.clock", value = "manual")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/hotspot-reports/oracle.key")
class HotspotReportsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject
  @Client("/")
  HttpClient client;

  @Inject ManualClock clock;
  @Inject EntropyService entropy;
  @Inject PocWorker worker;
  @Inject PocDatabase db;
  @Inject DensityCache density;

  private final Ed25519KeyPair witness = Hotspots.key(61);
  private final List<Ed25519KeyPair> beaconers =
      List.of(Hotspots.key(62), Hotspots.key(63), Hotspots.key(64), Hotspots.key(65));
  private final List<String> witnessReports = new ArrayList<>();
  private String firstBeacon;
  private Http http;

  @BeforeAll
  void hear_three_verified_beacons_and_one_open() throws Exception {
    http = new Http(client);
    Hotspots.place(http, witness, Hotspots.WITNESS_CELL, Region.EU868);
    for (Ed25519KeyPair b : beaconers) {
      Hotspots.place(http, b, Hotspots.BEACONER_CELL, Region.EU868);
    }
    Hotspots.giveHistory(db.sql(), density, clock.instant());
    EntropyReport served = entropy.tick();
    clock.advance(Duration.ofSeconds(20));
    for (int i = 0; i < beaconers.size(); i++) {
      if (i == 3) {
        // the fourth beacon comes after the verifier's run: its witness is still pending
        clock.advance(Duration.ofSeconds(181));
        assertThat(worker.runOnce().verified()).isEqualTo(3);
        served = entropy.tick();
      }
      BeaconReport beacon = Hotspots.beacon(beaconers.get(i), served, 10 + i);
      String beaconId = id(http.postProtobuf("/v1/reports/beacon", beacon.toByteArray()));
      if (i == 0) {
        firstBeacon = beaconId;
      }
      clock.advance(Duration.ofMillis(200));
      witnessReports.add(
          0,
          id(
              http.postProtobuf(
                  "/v1/reports/witness", Hotspots.witness(witness, beacon).toByteArray())));
      clock.advance(Duration.ofMillis(200));
    }
  }

  @Test
  void lists_the_hotspots_reports_newest_first_each_as_its_report_read_shows_it() throws Exception {
    JsonNode page = read("/v1/hotspots/" + witness.publicKey() + "/reports");

    assertThat(page.get("hotspot").asText()).isEqualTo(witness.publicKey().toBase58());
    assertThat(ids(page)).isEqualTo(witnessReports);
    assertThat(page.get("next").isNull()).isTrue();
    for (JsonNode report : page.get("reports")) {
      JsonNode alone = read("/v1/reports/" + report.get("report_id").asText());
      assertThat(report).isEqualTo(alone);
    }
    JsonNode pending = page.get("reports").get(0);
    assertThat(pending.get("status").asText()).isEqualTo("pending");
    assertThat(pending.has("verdict")).isFalse();
    for (int i = 1; i < 4; i++) {
      JsonNode closed = page.get("reports").get(i);
      assertThat(closed.get("kind").asText()).isEqualTo("witness");
      assertThat(closed.get("verdict").asText()).as(closed.toString()).isEqualTo("valid");
      assertThat(closed.get("rule_profile").asText()).isEqualTo("helium-iot-2025");
    }
  }

  @Test
  void pages_follow_the_next_cursor_without_gaps_or_repeats() throws Exception {
    List<String> seen = new ArrayList<>();
    String path = "/v1/hotspots/" + witness.publicKey() + "/reports?limit=3";
    JsonNode page = read(path);
    assertThat(page.get("reports")).hasSize(3);
    seen.addAll(ids(page));
    page = read(path + "&before=" + page.get("next").asText());
    assertThat(page.get("reports")).hasSize(1);
    assertThat(page.get("next").isNull()).isTrue();
    seen.addAll(ids(page));

    assertThat(seen).isEqualTo(witnessReports);
  }

  @Test
  void a_beaconer_sees_its_beacon() throws Exception {
    JsonNode page = read("/v1/hotspots/" + beaconers.get(0).publicKey() + "/reports");

    assertThat(ids(page)).containsExactly(firstBeacon);
    assertThat(page.get("reports").get(0).get("kind").asText()).isEqualTo("beacon");
    assertThat(page.get("reports").get(0).get("verdict").asText()).isEqualTo("valid");
  }

  @Test
  void refuses_what_is_not_a_page_of_an_onboarded_hotspot() {
    String base = "/v1/hotspots/" + witness.publicKey() + "/reports";
    assertProblem(base + "?limit=0", 400, "limit: expected an integer in 1..500");
    assertProblem(base + "?limit=501", 400, "limit: expected an integer in 1..500");
    assertProblem(
        base + "?before=yesterday", 400, "before: expected the next cursor of an earlier page");
    assertProblem("/v1/hotspots/not-a-key/reports", 400, "key");
    assertProblem(
        "/v1/hotspots/" + Hotspots.key(66).publicKey() + "/reports", 404, "is not onboarded");
  }

  private void assertProblem(String path, int status, String detail) {
    Http.Reply reply = http.get(path);
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    assertThat(reply.text()).contains(detail);
  }

  private JsonNode read(String path) throws Exception {
    Http.Reply reply = http.get(path);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return JSON.readTree(reply.body());
  }

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("reports").forEach(r -> out.add(r.get("report_id").asText()));
    return out;
  }

  private static String id(Http.Reply reply) throws Exception {
    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    return JSON.readTree(reply.body()).get("report_id").asText();
  }
}
