package org.hexproof.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.hexproof.bridge.daemon.OracleSink;
import org.hexproof.bridge.daemon.Reports;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.oracle.OracleOutcome;
import org.hexproof.bridge.outbox.Backoff;
import org.hexproof.bridge.outbox.DeadLetter;
import org.hexproof.bridge.outbox.MutableClock;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.ReportKind;
import org.hexproof.bridge.outbox.Sender;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.DataRate;
import org.hexproof.poc.store.Rows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hotspot's backlog of witness reports delivered by the sender in batch requests to a real oracle
 * (embedded PostgreSQL), through an {@link OracleFront} on 127.0.0.1 that counts the requests and
 * can answer batches itself (503, or 404 as an older oracle). The sender is stepped on the test
 * thread with a fake clock for its backoff.
 */
@Timeout(120)
class OutboxBatchesAgainstOracleIT {
  private static final Backoff EXACT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0);
  private static final String BATCH = "/v1/reports/witness/batch";
  private static final String SINGLE = "/v1/reports/witness";
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir static Path oracleDir;
  private static RealOracle oracle;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private OracleFront front;
  private Ed25519KeyPair hotspot;

  @BeforeAll
  static void startOracle() {
    oracle = new RealOracle(oracleDir);
  }

  @AfterAll
  static void stopOracle() {
    oracle.close();
  }

  @BeforeEach
  void onboardAHotspot() {
    front = new OracleFront(oracle.url());
    hotspot = onboarded();
  }

  @AfterEach
  void closeFront() {
    front.close();
  }

  @Test
  void a_backlog_of_250_drains_in_3_batch_requests_and_each_report_is_stored_once() {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = queueWitnesses(outbox, hotspot, 250);
      Sender sender = sender(outbox);

      drain(sender, outbox);

      assertThat(front.count(BATCH)).isEqualTo(3);
      assertThat(front.count(SINGLE)).isZero();
      assertThat(front.requests())
          .extracting(OracleFront.Request::reports)
          .containsExactly(100, 100, 50);
      assertThat(storedDigests(hotspot)).isEqualTo(digests(sent));
      assertThat(outbox.parked()).isEmpty();
    }
  }

  @Test
  void a_single_waiting_report_goes_to_the_single_endpoint() {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = queueWitnesses(outbox, hotspot, 1);
      drain(sender(outbox), outbox);

      assertThat(front.count(SINGLE)).isEqualTo(1);
      assertThat(front.count(BATCH)).isZero();
      assertThat(storedDigests(hotspot)).isEqualTo(digests(sent));
    }
  }

  @Test
  void only_the_reports_the_oracle_refuses_are_parked_and_the_others_acknowledged() {
    Ed25519KeyPair stranger = Ed25519KeyPair.generate(Network.TESTNET, RANDOM);
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> good = new ArrayList<>(queueWitnesses(outbox, hotspot, 2));
      byte[] corrupted = witness(hotspot, 2);
      corrupted[corrupted.length - 1] ^= 1; // the signature's last byte: 401
      long corruptedId = outbox.append(ReportKind.WITNESS, corrupted);
      good.addAll(queueWitnesses(outbox, hotspot, 1));
      long strangerId = outbox.append(ReportKind.WITNESS, witness(stranger, 4)); // 403
      good.addAll(queueWitnesses(outbox, hotspot, 2));

      drain(sender(outbox), outbox);

      assertThat(front.count(BATCH)).isEqualTo(1);
      assertThat(front.count(SINGLE)).isZero();
      assertThat(outbox.parked())
          .extracting(DeadLetter::id)
          .containsExactly(corruptedId, strangerId);
      assertThat(outbox.parked().get(0).reason()).startsWith("401 ");
      assertThat(outbox.parked().get(1).reason()).startsWith("403 ").contains("not onboarded");
      assertThat(storedDigests(hotspot)).isEqualTo(digests(good));
      assertThat(storedDigests(stranger)).isEmpty();
    }
  }

  @Test
  void a_503_for_the_batch_acknowledges_nothing_and_the_retry_after_the_backoff_delivers() {
    front.answerBatches(503, 1);
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = queueWitnesses(outbox, hotspot, 30);
      Sender sender = sender(outbox);

      assertThat(sender.step()).isEqualTo(Duration.ofSeconds(1));
      assertThat(outbox.depth()).isEqualTo(30);
      assertThat(sender.lastError()).hasValueSatisfying(e -> assertThat(e).contains("503"));
      clock.advance(Duration.ofMillis(999));
      assertThat(sender.step()).isEqualTo(Duration.ofMillis(1)); // the backoff holds
      clock.advance(Duration.ofMillis(1));
      drain(sender, outbox);

      assertThat(front.requests())
          .extracting(OracleFront.Request::status)
          .containsExactly(503, 200);
      assertThat(storedDigests(hotspot)).isEqualTo(digests(sent));
    }
  }

  @Test
  void an_oracle_without_the_batch_path_gets_single_requests_for_the_rest_of_the_process() {
    front.answerBatches(404, Integer.MAX_VALUE);
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = queueWitnesses(outbox, hotspot, 5);
      Sender sender = sender(outbox);
      drain(sender, outbox);
      List<byte[]> later = queueWitnesses(outbox, hotspot, 3);
      drain(sender, outbox);

      assertThat(front.count(BATCH)).isEqualTo(1);
      assertThat(front.count(SINGLE)).isEqualTo(8);
      sent.addAll(later);
      assertThat(storedDigests(hotspot)).isEqualTo(digests(sent));
    }
  }

  @Test
  void after_a_crash_between_the_answer_and_the_ack_only_unacknowledged_reports_go_again() {
    List<byte[]> sent;
    try (Outbox outbox = Outbox.open(dir, clock)) {
      sent = queueWitnesses(outbox, hotspot, 150);
      Sender sender = sender(outbox);
      assertThat(sender.step()).isZero(); // reports 1..100 stored and acknowledged
      sender.setDeliveryListener(
          (record, attempt, delivered) -> {
            throw new ProcessDied(); // the answer is in, the acknowledgement never written
          });
      assertThatThrownBy(sender::step).isInstanceOf(ProcessDied.class);
      assertThat(outbox.depth()).isEqualTo(50);
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(outbox.depth()).isEqualTo(50);
      drain(sender(outbox), outbox);
    }
    // 100 + 50 answered but not acknowledged + the same 50 again, answered as duplicates
    assertThat(front.requests())
        .extracting(OracleFront.Request::reports)
        .containsExactly(100, 50, 50);
    assertThat(front.reportsSent()).isEqualTo(200);
    assertThat(storedDigests(hotspot)).isEqualTo(digests(sent));
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(outbox.depth()).isZero();
      assertThat(outbox.parked()).isEmpty();
    }
  }

  /** Stands for the process stopping in the middle of a step. */
  private static final class ProcessDied extends Error {
    private static final long serialVersionUID = 1L;
  }

  private Sender sender(Outbox outbox) {
    OracleClient client = OracleClient.create(front.url(), Optional.empty());
    return new Sender(outbox, new OracleSink(client), EXACT, clock, new Random(1), null, 100);
  }

  private static void drain(Sender sender, Outbox outbox) {
    for (int i = 0; i < 1_000 && outbox.depth() > 0; i++) {
      Duration wait = sender.step();
      assertThat(wait).as("no backoff while draining").isZero();
    }
    assertThat(outbox.depth()).isZero();
  }

  private Ed25519KeyPair onboarded() {
    Ed25519KeyPair key = Ed25519KeyPair.generate(Network.TESTNET, RANDOM);
    OracleOutcome outcome =
        OracleClient.create(oracle.url(), Optional.empty())
            .onboard(Reports.onboarding(key, key.publicKey(), clock.instant()).toByteArray());
    assertThat(outcome).isInstanceOf(OracleOutcome.Accepted.class);
    return key;
  }

  private List<byte[]> queueWitnesses(Outbox outbox, Ed25519KeyPair key, int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] report = witness(key, outbox.depth() + i);
      outbox.append(ReportKind.WITNESS, report);
      out.add(report);
    }
    return out;
  }

  private byte[] witness(Ed25519KeyPair key, int n) {
    byte[] data = new byte[51];
    RANDOM.nextBytes(data);
    return Reports.witness(
            key, data, -1080, 35, 867_100_000L, DataRate.SF12BW125, clock.instant().plusMillis(n))
        .toByteArray();
  }

  private static Set<String> storedDigests(Ed25519KeyPair key) {
    return oracle
        .sql()
        .query(
            "SELECT encode(sha256(signed_report), 'hex') AS h FROM poc.witness_report"
                + " WHERE hotspot_key = $1",
            row -> Rows.required(row, "h", String.class),
            key.publicKey().toBase58())
        .stream()
        .collect(Collectors.toSet());
  }

  private static Set<String> digests(List<byte[]> reports) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Set<String> out =
          reports.stream()
              .map(r -> HexFormat.of().formatHex(sha.digest(r)))
              .collect(Collectors.toSet());
      assertThat(out).hasSize(reports.size());
      return out;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
