package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hexproof.bridge.daemon.KeyFiles;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.Capability;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.proto.HotspotOnboarding;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.core.report.SignedMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hexproof hotspot reports} against a running oracle. */
class HotspotReportsCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path oracleDir;
  @TempDir Path dir;

  private static ApplicationContext oracle;
  private static URI oracleUrl;

  @BeforeAll
  static void start_an_oracle() {
    oracle =
        ApplicationContext.builder()
            .environments("oracle")
            .properties(
                Map.of(
                    "micronaut.server.host", "127.0.0.1",
                    "micronaut.server.port", "-1",
                    "hexproof.oracle.scheduling", "false",
                    "hexproof.oracle.key-file", oracleDir.resolve("oracle.key").toString()))
            .start();
    oracleUrl = oracle.getBean(EmbeddedServer.class).start().getURI();
  }

  @AfterAll
  static void stop_the_oracle() {
    oracle.close();
  }

  @Test
  void prints_the_oracles_page_of_the_hotspots_reports() throws Exception {
    Path config = config(oracleUrl.toString());
    Ed25519KeyPair key = KeyFiles.loadOrCreate(dir.resolve("hotspot.key"), Network.MAINNET);

    CliRun before = CliRun.of("hotspot", "reports", "--config", config.toString());
    assertThat(before.exitCode()).as(before.out()).isEqualTo(Hexproof.EXIT_FAILURE);
    assertThat(before.err()).contains("404").contains(key.publicKey() + " is not onboarded");

    post("/v1/hotspots", onboarding(key), 201);
    String reportId = post("/v1/reports/witness", witness(key), 202).get("report_id").asText();
    CliRun run = CliRun.of("hotspot", "reports", "--config", config.toString(), "--limit", "5");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode page = JSON.readTree(run.out());
    assertThat(page.get("hotspot").asText()).isEqualTo(key.publicKey().toBase58());
    assertThat(page.get("reports")).hasSize(1);
    assertThat(page.get("reports").get(0).get("report_id").asText()).isEqualTo(reportId);
    assertThat(page.get("reports").get(0).get("status").asText()).isEqualTo("pending");
    assertThat(page.get("next").isNull()).isTrue();

    CliRun bad = CliRun.of("hotspot", "reports", "--config", config.toString(), "--limit", "0");
    assertThat(bad.exitCode()).isEqualTo(Hexproof.EXIT_USAGE);
    assertThat(bad.err()).contains("the oracle refused it: limit: expected an integer in 1..500");
  }

  @Test
  void says_when_the_hotspot_has_no_key_yet() throws Exception {
    CliRun run =
        CliRun.of("hotspot", "reports", "--config", config(oracleUrl.toString()).toString());

    assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_USAGE);
    assertThat(run.err()).contains("no key yet; the hotspot creates it when it first starts");
  }

  @Test
  void says_when_the_oracle_cannot_be_reached() throws Exception {
    Path config = config("http://127.0.0.1:9");
    KeyFiles.loadOrCreate(dir.resolve("hotspot.key"), Network.MAINNET);

    CliRun run = CliRun.of("hotspot", "reports", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_FAILURE);
    assertThat(run.err()).contains("cannot reach the oracle at http://127.0.0.1:9");
  }

  private Path config(String url) throws Exception {
    Path file = dir.resolve("hotspot.properties");
    Files.writeString(
        file,
        "key-file = hotspot.key\n"
            + "oracle.url = "
            + url
            + "\nlocation = 52.0907,5.1214\n"
            + "region = EU868\n"
            + "radio.type = rak3172\n"
            + "radio.device = /dev/null-device\n");
    return file;
  }

  private static byte[] onboarding(Ed25519KeyPair hotspot) {
    Ed25519KeyPair owner = Ed25519KeyPair.fromSeed(Network.MAINNET, new byte[32]);
    return SignedMessages.sign(
            HotspotOnboarding.newBuilder()
                .setOwnerPubKey(ByteString.copyFrom(owner.publicKey().toBytes()))
                .setCapability(Capability.FULL)
                .setTimestampMs(1)
                .build(),
            hotspot)
        .toByteArray();
  }

  private static byte[] witness(Ed25519KeyPair hotspot) {
    return SignedMessages.sign(
            WitnessReport.newBuilder()
                .setData(ByteString.copyFromUtf8("a beacon heard"))
                .setSignalDdbm(-1080)
                .setSnrDdb(35)
                .setFrequencyHz(868_100_000)
                .setDatarate(DataRate.SF9BW125)
                .setTimestampNs(456)
                .build(),
            hotspot)
        .toByteArray();
  }

  private static JsonNode post(String path, byte[] body, int expected) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(oracleUrl.resolve(path))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
    return JSON.readTree(r.body());
  }
}
