package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.proto.Region;
import org.hexproof.core.report.SignedMessages;
import org.hexproof.poc.density.DensityParameters;
import org.hexproof.poc.density.HexDensity;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.worker.DensityCache;
import org.hexproof.poc.worker.PocWorker;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end test over HTTP: three hotspots in Malta onboard and assert locations, the
 * oracle serves entropy, the beaconer's beacon (built with BeaconGenerator from the served entropy)
 * and two witnesses arrive, the clock passes the entropy window, the worker verifies, and the feed
 * carries the verdicts.
 */
@MicronautTest(environments = "oracle")
// a free port: 8080 (application-oracle.yml) may be taken on the machine running the tests
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "hexproof.test.clock", value = "manual")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/flow/oracle.key")
class OracleFlowIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject
  @Client("/")
  HttpClient client;

  @Inject ManualClock clock;
  @Inject EntropyService entropy;
  @Inject PocWorker worker;
  @Inject PocDatabase db;
  @Inject DensityCache density;

  @Test
  void verifies_a_beacon_and_its_witnesses_into_the_feed() throws Exception {
    Http http = new Http(client);
    Sql sql = db.sql();
    Ed25519KeyPair a = Hotspots.key(1);
    Ed25519KeyPair b = Hotspots.key(2);
    Ed25519KeyPair c = Hotspots.key(3);

    for (Ed25519KeyPair k : List.of(a, b, c)) {
      assertThat(http.postProtobuf("/v1/hotspots", Hotspots.onboarding(k)).status()).isEqualTo(201);
    }
    assertThat(http.postProtobuf("/v1/hotspots", Hotspots.onboarding(a)).status())
        .as("onboarding again with the same owner")
        .isEqualTo(200);
    assertThat(
            http.postProtobuf(
                    "/v1/hotspots/" + a.publicKey() + "/location",
                    Hotspots.location(a, Hotspots.BEACONER_CELL, Region.EU868, 1))
                .status())
        .isEqualTo(200);
    assertThat(
            http.postProtobuf(
                    "/v1/hotspots/" + b.publicKey() + "/location",
                    Hotspots.location(b, Hotspots.WITNESS_CELL, Region.REGION_UNSPECIFIED, 1))
                .status())
        .isEqualTo(200);
    assertThat(
            http.postProtobuf(
                    "/v1/hotspots/" + c.publicKey() + "/location",
                    Hotspots.location(c, Hotspots.TOO_CLOSE_CELL, Region.EU868, 1))
                .status())
        .isEqualTo(200);
    JsonNode bRecord = JSON.readTree(http.get("/v1/hotspots/" + b.publicKey()).body());
    assertThat(bRecord.get("location").asText()).isEqualTo(Hotspots.WITNESS_CELL.toDecimalString());
    assertThat(bRecord.get("region").asText()).as("derived from Malta").isEqualTo("EU868");
    assertThat(bRecord.get("owner").asText()).isEqualTo(Hotspots.OWNER.publicKey().toBase58());

    // HIP 106 needs history: the state two earlier rounds would have left (a witnessed within
    // 48 h, b and c had witnessed beacons), so that this PoC can be valid
    Hotspots.giveHistory(sql, density, clock.instant());

    entropy.tick();
    Http.Reply served = http.get("/v1/entropy/latest");
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.contentType()).isEqualTo("application/x-protobuf");
    EntropyReport report = EntropyReport.parseFrom(served.body());
    assertThat(SignedMessages.verify(report)).isTrue();
    assertThat(report.getTimestampS()).isEqualTo(clock.instant().getEpochSecond());
    JsonNode entropyJson = JSON.readTree(http.get("/v1/entropy/latest?format=json").body());
    assertThat(entropyJson.get("timestamp").asLong()).isEqualTo(report.getTimestampS());
    assertThat(
            http.exchange(HttpRequest.GET("/v1/entropy/latest").accept("application/json"))
                .contentType())
        .startsWith("application/json");

    clock.advance(Duration.ofSeconds(20));
    BeaconReport beacon = Hotspots.beacon(a, report, 0xe94619b0);
    Http.Reply beaconReply = http.postProtobuf("/v1/reports/beacon", beacon.toByteArray());
    assertThat(beaconReply.status()).isEqualTo(202);
    JsonNode receipt = JSON.readTree(beaconReply.body());
    String beaconId = receipt.get("report_id").asText();
    assertThat(receipt.get("received_at").asText()).isEqualTo("2026-11-25T03:00:20.000Z");
    clock.advance(Duration.ofMillis(500));
    String bId =
        JSON.readTree(
                http.postProtobuf("/v1/reports/witness", Hotspots.witness(b, beacon).toByteArray())
                    .body())
            .get("report_id")
            .asText();
    clock.advance(Duration.ofMillis(100));
    String cId =
        JSON.readTree(
                http.postProtobuf("/v1/reports/witness", Hotspots.witness(c, beacon).toByteArray())
                    .body())
            .get("report_id")
            .asText();

    assertThat(worker.runOnce().verified()).as("entropy window still open").isZero();
    assertThat(JSON.readTree(http.get("/v1/reports/" + beaconId).body()).get("status").asText())
        .isEqualTo("pending");
    assertThat(watermark(http)).as("now minus the grace").isEqualTo("2026-11-25T03:00:10.600Z");

    clock.advance(Duration.ofSeconds(181));
    assertThat(watermark(http))
        .as("the open beacon holds it")
        .isEqualTo("2026-11-25T03:00:20.000Z");
    assertThat(worker.runOnce().verified()).isEqualTo(1);
    assertThat(worker.runOnce().verified()).as("a second run finds nothing").isZero();

    JsonNode page = JSON.readTree(http.get("/v1/poc/feed?after=0&limit=10").body());
    assertThat(page.get("entries")).hasSize(1);
    JsonNode entry = page.get("entries").get(0);
    assertThat(page.get("last_id").asLong()).isEqualTo(entry.get("id").asLong());
    JsonNode fb = entry.get("beacon");
    assertThat(fb.get("report_id").asText()).isEqualTo(beaconId);
    assertThat(fb.get("hotspot").asText()).isEqualTo(a.publicKey().toBase58());
    assertThat(fb.get("owner").asText()).isEqualTo(Hotspots.OWNER.publicKey().toBase58());
    assertThat(fb.get("location").asText()).isEqualTo("631615575095659519");
    assertThat(fb.get("region").asText()).isEqualTo("EU868");
    assertThat(fb.get("verdict").asText()).isEqualTo("valid");
    assertThat(fb.get("reason").isNull()).isTrue();
    assertThat(fb.get("reward_unit").asText()).isEqualTo("0.25");
    String expectedScale =
        FeedEntries.decimal(
            HexDensity.compute(
                    List.of(Hotspots.BEACONER_CELL, Hotspots.WITNESS_CELL, Hotspots.TOO_CLOSE_CELL),
                    DensityParameters.hip104())
                .scaleOf(Hotspots.BEACONER_CELL));
    assertThat(fb.get("hex_scale").asText()).isEqualTo(expectedScale);
    assertThat(fb.get("received_at").asText()).isEqualTo("2026-11-25T03:00:20.000Z");
    assertThat(fb.get("datarate").asText()).isEqualTo("SF12BW125");

    JsonNode witnesses = entry.get("witnesses");
    assertThat(witnesses).hasSize(2);
    assertThat(witnesses.get(0).get("report_id").asText()).isEqualTo(bId);
    assertThat(witnesses.get(0).get("verdict").asText()).isEqualTo("valid");
    assertThat(witnesses.get(0).get("selected").asBoolean()).isTrue();
    assertThat(witnesses.get(0).get("reward_unit").asText()).isEqualTo("1");
    assertThat(witnesses.get(0).get("distance_m").asLong()).isBetween(1000L, 3000L);
    assertThat(witnesses.get(1).get("report_id").asText()).isEqualTo(cId);
    assertThat(witnesses.get(1).get("verdict").asText()).isEqualTo("invalid");
    assertThat(witnesses.get(1).get("reason").asText()).isEqualTo("below_min_distance");
    assertThat(witnesses.get(1).get("selected").asBoolean()).isFalse();

    JsonNode why = JSON.readTree(http.get("/v1/reports/" + cId).body());
    assertThat(why.get("status").asText()).isEqualTo("closed");
    assertThat(why.get("reason").asText()).isEqualTo("below_min_distance");
    assertThat(why.get("side").asText()).isEqualTo("witness");
    assertThat(http.get("/v1/reports/nope").status()).isEqualTo(404);

    assertThat(
            sql.queryOne("SELECT count(*) AS n FROM poc.verdict", row -> row.get("n", Long.class))
                .orElseThrow())
        .as("exactly one verdict per report")
        .isEqualTo(3L);
    JsonNode aAfter = JSON.readTree(http.get("/v1/hotspots/" + a.publicKey()).body());
    assertThat(aAfter.get("last_beacon_at").asText()).isEqualTo("2026-11-25T03:00:20.000Z");
    assertThat(aAfter.get("last_beacon_reciprocity_at").asText())
        .isEqualTo("2026-11-25T03:00:20.000Z");

    assertThat(http.get("/v1/poc/feed?after=" + entry.get("id").asLong()).text())
        .isEqualTo("{\"entries\":[],\"last_id\":" + entry.get("id").asLong() + "}");
    assertThat(http.get("/v1/poc/feed?limit=0").status()).isEqualTo(400);
    assertThat(http.get("/v1/poc/feed?after=x").status()).isEqualTo(400);
    assertThat(watermark(http))
        .as("nothing open: now minus the grace")
        .isEqualTo(FeedEntries.instant(clock.instant().minusSeconds(10)));

    assertThat(http.get("/health").status()).isEqualTo(200);
    Http.Reply metrics = http.get("/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.text())
        .contains("hexproof_oracle_verdicts_total")
        .contains("reason=\"below_min_distance\"")
        .contains("hexproof_oracle_ingest_total")
        .contains("hexproof_oracle_open_beacons")
        .contains("hexproof_oracle_verify_seconds");
  }

  private static String watermark(Http http) throws Exception {
    return JSON.readTree(http.get("/v1/poc/feed/watermark").body())
        .get("verified_through")
        .asText();
  }
}
