package org.hexproof.rewards.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.graceful.GracefulShutdownConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.rewards.close.Fixture;
import org.hexproof.rewards.close.RewardsDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as {@code hexproof rewards serve} runs it: from a stub oracle's feed to a minted
 * epoch, balances, breakdowns and proofs over HTTP.
 */
class RewardsApplicationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Epoch EPOCH = Epoch.dayContaining(Instant.parse("2026-11-25T00:00:00Z"));
  static final PublicKey BEACONER = Fixture.hotspot(1);
  private static final PublicKey WITNESS = Fixture.hotspot(2);
  private static final PublicKey OWNER = Fixture.wallet(1);

  @TempDir static Path dir;

  private static StubOracle oracle;
  private static RewardsDatabase db;
  private static EmbeddedServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    oracle = new StubOracle();
    oracle.down.set(true);
    oracle.add(17, entry(17, "2026-11-25T03:14:29.500Z", "valid", true));
    oracle.add(18, entry(18, "2026-11-25T09:00:00Z", "invalid", true));
    oracle.add(21, entry(21, "2026-11-25T15:00:00Z", "valid", false));
    oracle.add(22, "{\"id\": 22, \"beacon\": {\"verdict\": \"valid\"}}");
    oracle.watermark("2026-11-26T00:31:00Z");
    db = RewardsDatabase.fresh();
    server = serve(oracle, db, dir, Map.of("hexproof.rewards.page-size", 2));
    http = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
  }

  /**
   * Starts the service as {@code hexproof rewards serve} does, on a random port, polling and
   * closing every 100 ms, signing with {@link Fixture#ORACLE}'s key written into {@code dir}.
   */
  static EmbeddedServer serve(
      StubOracle oracle, RewardsDatabase db, Path dir, Map<String, Object> extra)
      throws IOException {
    Path key = dir.resolve("oracle.key");
    Files.write(key, KeyFileFormat.writePem(Fixture.ORACLE));
    Map<String, Object> props = new HashMap<>(extra);
    props.put("micronaut.server.port", -1);
    props.put("hexproof.database.url", db.url().redacted());
    props.put("hexproof.rewards.oracle-url", oracle.url().toString());
    props.put("hexproof.rewards.oracle-key-file", key.toString());
    props.put("hexproof.rewards.poll-interval", "100ms");
    props.put("hexproof.rewards.close-interval", "100ms");
    return ApplicationContext.run(EmbeddedServer.class, props, "rewards");
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

  static String entry(long id, String receivedAt, String verdict, boolean selected) {
    return String.format(
        "{\"id\": %d, \"verified_at\": \"2026-11-25T23:59:00Z\", \"beacon\": {\"report_id\": \"x\","
            + " \"hotspot\": \"%s\", \"owner\": \"%s\", \"location\": \"631615575095659519\","
            + " \"region\": \"EU868\", \"gain_ddbi\": 12, \"received_at\": \"%s\","
            + " \"frequency_hz\": 867900000, \"datarate\": \"SF12BW125\", \"tx_power_dbm\": 14,"
            + " \"verdict\": \"%s\", \"reason\": null, \"hex_scale\": \"0.5\","
            + " \"reward_unit\": \"0.25\"}, \"witnesses\": [{\"report_id\": \"y\","
            + " \"hotspot\": \"%s\", \"owner\": \"%s\", \"location\": null, \"received_at\": \"%s\","
            + " \"signal_ddbm\": -1080, \"snr_ddb\": 35, \"frequency_hz\": 867900032,"
            + " \"distance_m\": 28190, \"verdict\": \"%s\", \"reason\": null, \"selected\": %s,"
            + " \"reward_unit\": \"1\"}]}",
        id,
        BEACONER.toBase58(),
        OWNER.toBase58(),
        receivedAt,
        verdict,
        WITNESS.toBase58(),
        OWNER.toBase58(),
        receivedAt,
        verdict,
        selected);
  }

  private static JsonNode get(String path) throws Exception {
    return JSON.readTree(http.toBlocking().retrieve(path));
  }

  private static JsonNode awaitMinted() throws Exception {
    String path = "/v1/rewards/epochs/" + EPOCH.index();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return get(path);
      } catch (HttpClientResponseException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        if (oracle.down.get()) {
          oracle.down.set(false); // after a first failed poll: the consumer backs off and retries
        }
        Thread.sleep(100);
      }
    }
  }

  @Test
  void the_feed_is_minted_into_an_epoch_with_totals_hash_and_signature() throws Exception {
    JsonNode summary = awaitMinted();

    assertThat(summary.get("sequence").asLong()).isZero();
    assertThat(summary.get("leaf_count").asLong()).isEqualTo(2);
    assertThat(summary.get("emission").asLong()).isEqualTo(4_109_589_041_095L);
    assertThat(summary.get("total_minted").asLong() + summary.get("unallocated").asLong())
        .isEqualTo(4_109_589_041_095L * 80 / 100);
    assertThat(summary.get("signatures").get(0).get("oracle").asText())
        .isEqualTo(Fixture.ORACLE.publicKey().toBase58());
    assertThat(summary.get("manifest_hash").asText()).hasSize(64);
  }

  @Test
  void hotspot_breakdown_shows_amounts_shares_and_poc_counts() throws Exception {
    awaitMinted();
    JsonNode beaconer =
        get("/v1/rewards/epochs/" + EPOCH.index() + "/hotspots/" + BEACONER.toBase58());
    JsonNode witness =
        get("/v1/rewards/epochs/" + EPOCH.index() + "/hotspots/" + WITNESS.toBase58());

    // entries 17 and 21 are valid beacons (0.5 × 0.25 each); only 17's witness was selected
    assertThat(beaconer.get("beacons").asInt()).isEqualTo(2);
    assertThat(beaconer.get("beacon_shares").asText()).isEqualTo("0.25");
    assertThat(beaconer.get("witness_amount").asLong()).isZero();
    assertThat(witness.get("witnesses").asInt()).isEqualTo(1);
    assertThat(witness.get("witness_shares").asText()).isEqualTo("0.5");
    // each is alone in its pool: beacon pool 6 %, witness pool 24 %, both + the unused DT 50 %
    assertThat(beaconer.get("beacon_amount").asLong()).isEqualTo(4_109_589_041_095L * 16 / 100);
    assertThat(witness.get("witness_amount").asLong()).isEqualTo(4_109_589_041_095L * 64 / 100);
  }

  @Test
  void the_owner_wallet_balance_is_the_sum_of_its_hotspots_rewards() throws Exception {
    JsonNode summary = awaitMinted();
    JsonNode wallet = get("/v1/rewards/wallets/" + OWNER.toBase58());

    assertThat(wallet.get("balance").asLong()).isEqualTo(summary.get("total_minted").asLong());
    assertThat(wallet.get("last_epoch").asLong()).isEqualTo(EPOCH.index());
  }

  @Test
  void a_hotspot_history_lists_its_rewards_per_minted_epoch() throws Exception {
    awaitMinted();
    JsonNode beaconer = get("/v1/rewards/hotspots/" + BEACONER.toBase58() + "/epochs");
    JsonNode stranger =
        get("/v1/rewards/hotspots/" + Fixture.ORACLE.publicKey().toBase58() + "/epochs?limit=5");

    assertThat(beaconer.get("epochs")).hasSize(1);
    JsonNode epoch = beaconer.get("epochs").get(0);
    assertThat(epoch.get("epoch").asLong()).isEqualTo(EPOCH.index());
    assertThat(epoch.get("beacon").asLong()).isEqualTo(4_109_589_041_095L * 16 / 100);
    assertThat(epoch.get("total").asLong())
        .isEqualTo(
            epoch.get("beacon").asLong()
                + epoch.get("witness").asLong()
                + epoch.get("data_transfer").asLong());
    assertThat(beaconer.get("token_decimals").asInt()).isEqualTo(8);
    assertThat(stranger.path("epochs").size()).isZero(); // an empty list may be left out
    assertThatThrownBy(() -> get("/v1/rewards/hotspots/" + BEACONER.toBase58() + "/epochs?limit=0"))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void a_served_proof_verifies_against_the_signed_root() throws Exception {
    JsonNode summary = awaitMinted();
    JsonNode proof = get("/v1/rewards/epochs/" + EPOCH.index() + "/proofs/" + WITNESS.toBase58());

    ProofJson.Document doc = ProofJson.parse(proof);
    byte[] root = HexFormat.of().parseHex(summary.get("merkle_root").asText());
    assertThat(doc.proof().verify(doc.leaf(), root)).isTrue();
    assertThat(doc.proof().treeSize()).isEqualTo(2);
  }

  @Test
  void malformed_keys_are_400_and_unknown_epochs_404() throws Exception {
    awaitMinted();
    assertThatThrownBy(() -> get("/v1/rewards/wallets/not-a-key"))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class, e -> assertThat(e.code()).isEqualTo(400));
    assertThatThrownBy(() -> get("/v1/rewards/epochs/7"))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class, e -> assertThat(e.code()).isEqualTo(404));
    assertThatThrownBy(() -> get("/v1/rewards/epochs/x"))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void health_and_prometheus_are_served() throws Exception {
    awaitMinted();
    assertThat(http.toBlocking().retrieve("/health")).contains("UP");
    String metrics = http.toBlocking().retrieve("/prometheus");
    assertThat(metrics).contains("hexproof_rewards_epochs_minted_total");
    assertThat(metrics).contains("hexproof_rewards_feed_malformed_total 1.0");
    assertThat(metrics).contains("hexproof_rewards_close_halted 0.0");
  }

  @Test
  void the_documented_configuration_file_is_the_one_loaded() {
    RewardsConfig config = server.getApplicationContext().getBean(RewardsConfig.class);
    assertThat(config.epochLength()).isEqualTo(Duration.ofDays(1));
    assertThat(config.closeOffset()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.initialEmission()).isEqualTo(4_109_589_041_095L);
    assertThat(config.tokenDecimals()).isEqualTo(8);
    assertThat(config.halvingPeriod()).isEqualTo(Duration.ofDays(730));
    // a stop first drains the requests in flight (micronaut.lifecycle.graceful-shutdown)
    assertThat(
            server
                .getApplicationContext()
                .getBean(GracefulShutdownConfiguration.class)
                .getGracePeriod())
        .isEqualTo(Duration.ofSeconds(5));
  }
}
