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
import java.util.List;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.Region;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.worker.DensityCache;
import org.hexproof.poc.worker.PocWorker;
import org.junit.jupiter.api.Test;

/**
 * WiFi witnesses carry only the 20-byte SSID prefix of a beacon's data: the worker joins a {@code
 * WIFI_2G4} witness whose data is that prefix to the beacon, and nothing else that is merely a
 * prefix.
 */
@MicronautTest(environments = "oracle")
// a free port: 8080 (application-oracle.yml) may be taken on the machine running the tests
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "hexproof.test.clock", value = "manual")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/wifi/oracle.key")
class WifiWitnessIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject
  @Client("/")
  HttpClient client;

  @Inject ManualClock clock;
  @Inject EntropyService entropy;
  @Inject PocWorker worker;
  @Inject PocDatabase db;
  @Inject DensityCache density;

  private static String id(Http.Reply reply) throws Exception {
    assertThat(reply.status()).as(reply.text()).isEqualTo(202);
    return JSON.readTree(reply.body()).get("report_id").asText();
  }

  @Test
  void a_wifi_witness_with_the_ssid_prefix_is_joined_to_the_beacon_and_valid() throws Exception {
    Http http = new Http(client);
    Ed25519KeyPair a = Hotspots.key(11);
    Ed25519KeyPair b = Hotspots.key(12);
    Ed25519KeyPair c = Hotspots.key(13);
    Hotspots.place(http, a, Hotspots.BEACONER_CELL, Region.WIFI_2G4_PLAN);
    Hotspots.place(http, b, Hotspots.WITNESS_CELL, Region.WIFI_2G4_PLAN);
    Hotspots.place(http, c, Hotspots.TOO_CLOSE_CELL, Region.WIFI_2G4_PLAN);
    Hotspots.giveHistory(db.sql(), density, clock.instant());

    EntropyReport served = entropy.tick();
    clock.advance(Duration.ofSeconds(20));
    BeaconReport beacon =
        Hotspots.beacon(a, served, 0x05060708, org.hexproof.core.radio.Region.WIFI_2G4);
    assertThat(beacon.getDatarate()).isEqualTo(DataRate.WIFI_2G4);
    String beaconId = id(http.postProtobuf("/v1/reports/beacon", beacon.toByteArray()));
    byte[] prefix = Hotspots.ssidPrefix(beacon);
    clock.advance(Duration.ofMillis(300));
    String wifiId =
        id(
            http.postProtobuf(
                "/v1/reports/witness",
                Hotspots.wifiWitness(b, beacon, prefix, DataRate.WIFI_2G4).toByteArray()));
    // the same 20 bytes with a LoRa datarate, and a WiFi witness of another prefix: not this
    // beacon's
    String loraPrefixId =
        id(
            http.postProtobuf(
                "/v1/reports/witness",
                Hotspots.wifiWitness(c, beacon, prefix, DataRate.SF12BW125).toByteArray()));
    byte[] otherPrefix = prefix.clone();
    otherPrefix[19] ^= 1;
    String otherId =
        id(
            http.postProtobuf(
                "/v1/reports/witness",
                Hotspots.wifiWitness(c, beacon, otherPrefix, DataRate.WIFI_2G4).toByteArray()));

    clock.advance(Duration.ofSeconds(181));
    assertThat(worker.runOnce().verified()).isEqualTo(1);

    JsonNode entry =
        JSON.readTree(http.get("/v1/poc/feed?after=0&limit=10").body()).get("entries").get(0);
    assertThat(entry.get("beacon").get("report_id").asText()).isEqualTo(beaconId);
    assertThat(entry.get("beacon").get("verdict").asText()).as(entry.toString()).isEqualTo("valid");
    assertThat(entry.get("witnesses")).as(entry.toString()).hasSize(1);
    JsonNode w = entry.get("witnesses").get(0);
    assertThat(w.get("report_id").asText()).isEqualTo(wifiId);
    assertThat(w.get("verdict").asText()).as(entry.toString()).isEqualTo("valid");
    assertThat(w.get("selected").asBoolean()).isTrue();
    for (String unmatched : List.of(loraPrefixId, otherId)) {
      assertThat(JSON.readTree(http.get("/v1/reports/" + unmatched).body()).get("status").asText())
          .as("witness %s is not joined", unmatched)
          .isEqualTo("pending");
    }
  }
}
