package org.hexproof.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hexproof.bridge.outbox.DeadLetter;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.ReportKind;
import org.hexproof.bridge.outbox.Sender;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A hotspot's backlog of witness reports delivered by the sender in batch requests to a real oracle
 * (embedded PostgreSQL), through an {@link OracleFront} on 127.0.0.1 that counts the requests and
 * can answer batches itself (503, or 404 as an older oracle). The sender is stepped on the test
 * thread with a fake clock for its backoff.
 */
@Timeout(120)
class OutboxBatchesAgainstOracleIT extends BehindOracleFront {
  @Test
  void a_backlog_of_250_drains_in_3_batch_requests_and_each_report_is_stored_once() {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = witnesses.queue(outbox, hotspot, 250);
      Sender sender = sender(outbox);

      drain(sender, outbox);

      assertThat(front.count(BATCH)).isEqualTo(3);
      assertThat(front.count(SINGLE)).isZero();
      assertThat(front.requests())
          .extracting(OracleFront.Request::reports)
          .containsExactly(100, 100, 50);
      assertThat(witnesses.stored(hotspot)).isEqualTo(QueuedWitnesses.digests(sent));
      assertThat(outbox.parked()).isEmpty();
    }
  }

  @Test
  void a_single_waiting_report_goes_to_the_single_endpoint() {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = witnesses.queue(outbox, hotspot, 1);
      drain(sender(outbox), outbox);

      assertThat(front.count(SINGLE)).isEqualTo(1);
      assertThat(front.count(BATCH)).isZero();
      assertThat(witnesses.stored(hotspot)).isEqualTo(QueuedWitnesses.digests(sent));
    }
  }

  @Test
  void only_the_reports_the_oracle_refuses_are_parked_and_the_others_acknowledged() {
    Ed25519KeyPair stranger = QueuedWitnesses.stranger();
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> good = new ArrayList<>(witnesses.queue(outbox, hotspot, 2));
      byte[] corrupted = witnesses.witness(hotspot, 2);
      corrupted[corrupted.length - 1] ^= 1; // the signature's last byte: 401
      long corruptedId = outbox.append(ReportKind.WITNESS, corrupted);
      good.addAll(witnesses.queue(outbox, hotspot, 1));
      long strangerId = outbox.append(ReportKind.WITNESS, witnesses.witness(stranger, 4)); // 403
      good.addAll(witnesses.queue(outbox, hotspot, 2));

      drain(sender(outbox), outbox);

      assertThat(front.count(BATCH)).isEqualTo(1);
      assertThat(front.count(SINGLE)).isZero();
      assertThat(outbox.parked())
          .extracting(DeadLetter::id)
          .containsExactly(corruptedId, strangerId);
      assertThat(outbox.parked().get(0).reason()).startsWith("401 ");
      assertThat(outbox.parked().get(1).reason()).startsWith("403 ").contains("not onboarded");
      assertThat(witnesses.stored(hotspot)).isEqualTo(QueuedWitnesses.digests(good));
      assertThat(witnesses.stored(stranger)).isEmpty();
    }
  }

  @Test
  void a_503_for_the_batch_acknowledges_nothing_and_the_retry_after_the_backoff_delivers() {
    front.answerBatches(503, 1);
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = witnesses.queue(outbox, hotspot, 30);
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
      assertThat(witnesses.stored(hotspot)).isEqualTo(QueuedWitnesses.digests(sent));
    }
  }

  @Test
  void an_oracle_without_the_batch_path_gets_single_requests_for_the_rest_of_the_process() {
    front.answerBatches(404, Integer.MAX_VALUE);
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = witnesses.queue(outbox, hotspot, 5);
      Sender sender = sender(outbox);
      drain(sender, outbox);
      List<byte[]> later = witnesses.queue(outbox, hotspot, 3);
      drain(sender, outbox);

      assertThat(front.count(BATCH)).isEqualTo(1);
      assertThat(front.count(SINGLE)).isEqualTo(8);
      sent.addAll(later);
      assertThat(witnesses.stored(hotspot)).isEqualTo(QueuedWitnesses.digests(sent));
    }
  }

  @Test
  void after_a_crash_between_the_answer_and_the_ack_only_unacknowledged_reports_go_again() {
    List<byte[]> sent;
    try (Outbox outbox = Outbox.open(dir, clock)) {
      sent = witnesses.queue(outbox, hotspot, 150);
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
    assertThat(witnesses.stored(hotspot)).isEqualTo(QueuedWitnesses.digests(sent));
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(outbox.depth()).isZero();
      assertThat(outbox.parked()).isEmpty();
    }
  }

  /** Stands for the process stopping in the middle of a step. */
  private static final class ProcessDied extends Error {
    private static final long serialVersionUID = 1L;
  }
}
