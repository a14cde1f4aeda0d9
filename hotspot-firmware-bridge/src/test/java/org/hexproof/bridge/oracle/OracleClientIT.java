package org.hexproof.bridge.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.EntropyReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against a JDK HttpServer on 127.0.0.1:0 speaking the oracle contract. */
@Timeout(20)
class OracleClientIT {
  private final StubOracle oracle = new StubOracle();
  private final Ed25519KeyPair hotspot =
      Ed25519KeyPair.generate(Network.TESTNET, new SecureRandom());
  private final byte[] report = {1, 2, 3, 4};

  @AfterEach
  void stop() {
    oracle.close();
  }

  private OracleClient client(Optional<org.hexproof.core.keys.PublicKey> key) {
    return new OracleClient(oracle.url(), HttpClient.newHttpClient(), Duration.ofSeconds(3), key);
  }

  @Test
  void a_report_answered_202_is_accepted_with_its_report_id() {
    OracleOutcome outcome = client(Optional.empty()).submitWitness(report);
    assertThat(outcome).isInstanceOf(OracleOutcome.Accepted.class);
    OracleOutcome.Accepted accepted = (OracleOutcome.Accepted) outcome;
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.reportId()).isPresent();
    assertThat(oracle.received("/v1/reports/witness")).hasSize(1);
    assertThat(client(Optional.empty()).submitBeacon(report))
        .isInstanceOf(OracleOutcome.Accepted.class);
    assertThat(oracle.received("/v1/reports/beacon")).hasSize(1);
  }

  @Test
  void a_second_onboarding_answered_409_is_accepted() {
    OracleClient client = client(Optional.empty());
    assertThat(client.onboard(report)).isEqualTo(new OracleOutcome.Accepted(201, Optional.empty()));
    assertThat(client.onboard(report)).isEqualTo(new OracleOutcome.Accepted(409, Optional.empty()));
  }

  @Test
  void a_location_goes_to_the_hotspots_base58_path() {
    assertThat(client(Optional.empty()).assertLocation(hotspot.publicKey(), report))
        .isInstanceOf(OracleOutcome.Accepted.class);
    assertThat(oracle.attempts())
        .containsExactly("POST /v1/hotspots/" + hotspot.publicKey().toBase58() + "/location");
  }

  @Test
  void a_400_is_rejected_with_the_problem_detail() {
    oracle.answer(
        400,
        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"witness: signature does not verify\"}");
    assertThat(client(Optional.empty()).submitWitness(report))
        .isEqualTo(new OracleOutcome.Rejected(400, "witness: signature does not verify"));
  }

  @Test
  void a_503_is_unavailable() {
    oracle.goDown();
    assertThat(client(Optional.empty()).submitBeacon(report))
        .isInstanceOfSatisfying(
            OracleOutcome.Unavailable.class, u -> assertThat(u.reason()).contains("503"));
  }

  @Test
  void a_429_is_unavailable_not_rejected_with_its_retry_after_in_seconds() {
    oracle.answer(429, "{\"title\":\"Too Many Requests\"}", "7");
    OracleClient client = client(Optional.empty());
    for (OracleOutcome outcome :
        List.of(
            client.submitWitness(report),
            client.submitBeacon(report),
            client.onboard(report),
            client.assertLocation(hotspot.publicKey(), report))) {
      assertThat(outcome)
          .isInstanceOfSatisfying(
              OracleOutcome.Unavailable.class,
              u -> {
                assertThat(u.reason()).contains("429");
                assertThat(u.retryAfter()).contains(Duration.ofSeconds(7));
              });
    }
  }

  @Test
  void a_503_with_an_http_date_retry_after_waits_until_that_date() {
    // the stub's own Date header is the reference: a date 120 s after now, to the second
    String at =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
    oracle.answer(503, "{\"title\":\"Service Unavailable\"}", at);
    OracleOutcome outcome = client(Optional.empty()).submitWitness(report);
    assertThat(outcome)
        .isInstanceOfSatisfying(
            OracleOutcome.Unavailable.class,
            u ->
                assertThat(u.retryAfter())
                    .hasValueSatisfying(
                        d ->
                            assertThat(d)
                                .isBetween(Duration.ofSeconds(115), Duration.ofSeconds(121))));
  }

  @Test
  void an_unreadable_retry_after_is_named_in_the_reason_and_leaves_the_wait_to_the_backoff() {
    oracle.answer(503, "{}", "soon");
    OracleOutcome outcome = client(Optional.empty()).submitWitness(report);
    assertThat(outcome)
        .isInstanceOfSatisfying(
            OracleOutcome.Unavailable.class,
            u -> {
              assertThat(u.retryAfter()).isEmpty();
              assertThat(u.reason()).contains("Retry-After ignored").contains("\"soon\"");
            });
  }

  @Test
  void a_batch_answered_429_is_unavailable_with_its_retry_after() {
    oracle.answer(429, "{}", "12");
    BatchOutcome outcome = client(Optional.empty()).submitWitnesses(List.of(report, report));
    assertThat(outcome)
        .isInstanceOfSatisfying(
            BatchOutcome.Unavailable.class,
            u -> {
              assertThat(u.reason()).contains("429");
              assertThat(u.retryAfter()).contains(Duration.ofSeconds(12));
            });
  }

  @Test
  void a_refused_connection_is_unavailable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    OracleClient client =
        new OracleClient(
            URI.create("http://127.0.0.1:" + port),
            HttpClient.newHttpClient(),
            Duration.ofSeconds(2),
            Optional.empty());
    assertThat(client.submitWitness(report)).isInstanceOf(OracleOutcome.Unavailable.class);
    assertThatThrownBy(client::latestEntropy).isInstanceOf(OracleUnavailableException.class);
  }

  @Test
  void entropy_signed_by_the_configured_oracle_key_is_returned() {
    EntropyReport entropy = client(Optional.of(oracle.key.publicKey())).latestEntropy();
    assertThat(entropy).isEqualTo(oracle.entropy);
  }

  @Test
  void entropy_signed_by_another_key_is_refused() {
    Ed25519KeyPair other = Ed25519KeyPair.generate(Network.TESTNET, new SecureRandom());
    assertThatThrownBy(() -> client(Optional.of(other.publicKey())).latestEntropy())
        .isInstanceOf(InvalidEntropyException.class)
        .hasMessageContaining(other.publicKey().toBase58());
  }

  @Test
  void entropy_is_unavailable_while_the_oracle_answers_503() {
    oracle.goDown();
    assertThatThrownBy(() -> client(Optional.empty()).latestEntropy())
        .isInstanceOf(OracleUnavailableException.class)
        .hasMessageContaining("503");
  }
}
