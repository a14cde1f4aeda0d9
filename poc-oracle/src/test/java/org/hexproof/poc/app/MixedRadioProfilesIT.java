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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.Region;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.worker.DensityCache;
import org.hexproof.poc.worker.PocWorker;
import org.junit.jupiter.api.Test;

/**
 * One oracle with its default configuration judges a LoRa beacon by Helium's profile and a WiFi
 * beacon by the WiFi profile, in the same verifier run: the same geometry gets different verdicts.
 * A witness 7 res-11 cells (about 300 m) from its beaconer is too close for LoRa (8 cells) and
 * valid for WiFi (4 res-12 cells); a witness 3.3 km away is valid for LoRa (100 km) and too far for
 * WiFi (2 km). The feed names each entry's profile as the read endpoint does.
 */
@MicronautTest(environments = "oracle")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "hexproof.test.clock", value = "manual")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/mixed-radio/oracle.key")
class MixedRadioProfilesIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The profile names the read endpoint gives (poc-oracle README, endpoints). */
  private static final String LORA = "helium-iot-2025";

  private static final String WIFI = "wifi-2g4";

  /** About 3.3 km north of the beaconer (0.03° of latitude). */
  private static final H3Cell FAR_CELL =
      H3Cell.fromLatLng(
          new LatLng(
              Hotspots.BEACONER_CELL.center().latDegrees() + 0.03,
              Hotspots.BEACONER_CELL.center().lngDegrees()),
          12);

  @Inject
  @Client("/")
  HttpClient client;

  @Inject ManualClock clock;
  @Inject EntropyService entropy;
  @Inject PocWorker worker;
  @Inject PocDatabase db;
  @Inject DensityCache density;

  private Http http;

  @Test
  void each_beacon_is_judged_by_the_profile_of_its_radio() throws Exception {
    http = new Http(client);
    Ed25519KeyPair loraBeaconer = Hotspots.key(41);
    Ed25519KeyPair loraNear = Hotspots.key(42);
    Ed25519KeyPair loraFar = Hotspots.key(43);
    Ed25519KeyPair wifiBeaconer = Hotspots.key(44);
    Ed25519KeyPair wifiNear = Hotspots.key(45);
    Ed25519KeyPair wifiFar = Hotspots.key(46);
    Hotspots.place(http, loraBeaconer, Hotspots.BEACONER_CELL, Region.EU868);
    Hotspots.place(http, loraNear, Hotspots.TOO_CLOSE_CELL, Region.EU868);
    Hotspots.place(http, loraFar, FAR_CELL, Region.EU868);
    Hotspots.place(http, wifiBeaconer, Hotspots.BEACONER_CELL, Region.WIFI_2G4_PLAN);
    Hotspots.place(http, wifiNear, Hotspots.TOO_CLOSE_CELL, Region.WIFI_2G4_PLAN);
    Hotspots.place(http, wifiFar, FAR_CELL, Region.WIFI_2G4_PLAN);
    Hotspots.giveHistory(db.sql(), density, clock.instant());

    EntropyReport served = entropy.tick();
    clock.advance(Duration.ofSeconds(20));
    BeaconReport lora = Hotspots.beacon(loraBeaconer, served, 7);
    BeaconReport wifi =
        Hotspots.beacon(wifiBeaconer, served, 8, org.hexproof.core.radio.Region.WIFI_2G4);
    String loraId = id(http.postProtobuf("/v1/reports/beacon", lora.toByteArray()));
    String wifiId = id(http.postProtobuf("/v1/reports/beacon", wifi.toByteArray()));
    clock.advance(Duration.ofMillis(300));
    // report id -> {outcome, the profile the read endpoint names}
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put(loraId, List.of("valid", LORA));
    expected.put(wifiId, List.of("valid", WIFI));
    expected.put(witness(Hotspots.witness(loraNear, lora)), List.of("below_min_distance", LORA));
    expected.put(witness(Hotspots.witness(loraFar, lora)), List.of("valid", LORA));
    expected.put(
        witness(Hotspots.wifiWitness(wifiNear, wifi, Hotspots.ssidPrefix(wifi), DataRate.WIFI_2G4)),
        List.of("valid", WIFI));
    expected.put(
        witness(Hotspots.wifiWitness(wifiFar, wifi, Hotspots.ssidPrefix(wifi), DataRate.WIFI_2G4)),
        List.of("max_distance_exceeded", WIFI));

    clock.advance(Duration.ofSeconds(181));
    assertThat(worker.runOnce().verified()).isEqualTo(2);

    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      JsonNode read = JSON.readTree(http.get("/v1/reports/" + e.getKey()).body());
      assertThat(read.get("status").asText()).as(read.toString()).isEqualTo("closed");
      String outcome =
          read.get("verdict").asText().equals("valid") ? "valid" : read.get("reason").asText();
      assertThat(List.of(outcome, read.get("rule_profile").asText()))
          .as("%s %s: %s", read.get("kind"), e.getKey(), read)
          .isEqualTo(e.getValue());
    }
    // the feed names the same profile as the read endpoint, for the beacon and each witness
    Map<String, String> feedProfiles = new LinkedHashMap<>();
    for (JsonNode entry : JSON.readTree(http.get("/v1/poc/feed?after=0").body()).get("entries")) {
      JsonNode beacon = entry.get("beacon");
      String profile = beacon.get("rule_profile").asText();
      feedProfiles.put(beacon.get("report_id").asText(), profile);
      for (JsonNode w : entry.get("witnesses")) {
        assertThat(w.has("rule_profile")).as("witnesses share the beacon's profile").isFalse();
        feedProfiles.put(w.get("report_id").asText(), profile);
      }
    }
    assertThat(feedProfiles).containsOnlyKeys(expected.keySet());
    for (String reportId : expected.keySet()) {
      JsonNode read = JSON.readTree(http.get("/v1/reports/" + reportId).body());
      assertThat(feedProfiles.get(reportId))
          .as("feed profile of %s", reportId)
          .isEqualTo(read.get("rule_profile").asText())
          .isEqualTo(expected.get(reportId).get(1));
    }

    // operators see each profile's verdicts apart
    List<String> verdictSeries =
        http.get("/prometheus")
            .text()
            .lines()
            .filter(l -> l.startsWith("hexproof_oracle_verdicts_total{"))
            .toList();
    assertThat(verdictSeries)
        .anyMatch(
            l -> l.contains("profile=\"" + WIFI + "\"") && l.contains("max_distance_exceeded"))
        .anyMatch(l -> l.contains("profile=\"" + LORA + "\"") && l.contains("below_min_distance"))
        .noneMatch(l -> l.contains("profile=\"" + LORA + "\"") && l.contains("max_distance"))
        .noneMatch(l -> l.contains("profile=\"" + WIFI + "\"") && l.contains("below_min"));
  }

  private String witness(WitnessReport report) throws Exception {
    return id(http.postProtobuf("/v1/reports/witness", report.toByteArray()));
  }

  private static String id(Http.Reply reply) throws Exception {
    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    return JSON.readTree(reply.body()).get("report_id").asText();
  }
}
