package org.hexproof.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.Sender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A busy oracle (or a proxy in front of it) answering 429 Too Many Requests, or 503 with a {@code
 * Retry-After}: the report stays at the head of the outbox, waits for the backoff and at least the
 * {@code Retry-After} (at most the backoff's maximum), and then reaches the real oracle (embedded
 * PostgreSQL) once. The busy answers come from an {@link OracleFront} on 127.0.0.1; the sender is
 * stepped on the test thread with a fake clock, so the waits cost no wall time.
 */
@Timeout(120)
class BusyOracleAgainstOracleIT extends BehindOracleFront {
  @Test
  void a_429_to_a_single_report_keeps_it_queued_and_the_retry_delivers_it_once() {
    front.answer(SINGLE, 429, 1, null);
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = witnesses.queue(outbox, hotspot, 1);
      Sender sender = sender(outbox);

      assertThat(sender.step()).isEqualTo(Duration.ofSeconds(1)); // the backoff, nothing more
      assertThat(outbox.depth()).isEqualTo(1);
      assertThat(outbox.parked()).isEmpty();
      assertThat(sender.lastError()).hasValueSatisfying(e -> assertThat(e).contains("429"));
      clock.advance(Duration.ofSeconds(1));
      drain(sender, outbox);

      assertThat(front.requests())
          .extracting(OracleFront.Request::path, OracleFront.Request::status)
          .containsExactly(tuple(SINGLE, 429), tuple(SINGLE, 202));
      assertThat(witnesses.stored(hotspot)).isEqualTo(QueuedWitnesses.digests(sent));
      assertThat(outbox.parked()).isEmpty();
    }
  }

  @Test
  void the_retry_after_a_429_does_not_come_before_its_retry_after() {
    front.answer(SINGLE, 429, 1, "30");
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = witnesses.queue(outbox, hotspot, 1);
      Sender sender = sender(outbox);

      assertThat(sender.step()).isEqualTo(Duration.ofSeconds(30));
      clock.advance(Duration.ofSeconds(29));
      assertThat(sender.step()).isEqualTo(Duration.ofSeconds(1));
      assertThat(front.requests()).hasSize(1); // the backoff alone (1 s) is over: no early retry
      clock.advance(Duration.ofSeconds(1));
      drain(sender, outbox);

      assertThat(front.requests())
          .extracting(OracleFront.Request::status)
          .containsExactly(429, 202);
      assertThat(witnesses.stored(hotspot)).isEqualTo(QueuedWitnesses.digests(sent));
      assertThat(outbox.parked()).isEmpty();
    }
  }

  @Test
  void a_503_with_retry_after_to_a_batch_holds_the_whole_batch_that_long() {
    front.answer(BATCH, 503, 1, "20");
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = witnesses.queue(outbox, hotspot, 30);
      Sender sender = sender(outbox);

      assertThat(sender.step()).isEqualTo(Duration.ofSeconds(20));
      assertThat(outbox.depth()).isEqualTo(30);
      clock.advance(Duration.ofMillis(19_999));
      assertThat(sender.step()).isEqualTo(Duration.ofMillis(1));
      clock.advance(Duration.ofMillis(1));
      drain(sender, outbox);

      assertThat(front.requests())
          .extracting(OracleFront.Request::path, OracleFront.Request::status)
          .containsExactly(tuple(BATCH, 503), tuple(BATCH, 200));
      assertThat(witnesses.stored(hotspot)).isEqualTo(QueuedWitnesses.digests(sent));
    }
  }

  @Test
  void a_retry_after_beyond_the_backoffs_maximum_waits_the_maximum() {
    front.answer(SINGLE, 429, 1, "3600");
    try (Outbox outbox = Outbox.open(dir, clock)) {
      List<byte[]> sent = witnesses.queue(outbox, hotspot, 1);
      Sender sender = sender(outbox);

      assertThat(sender.step()).isEqualTo(EXACT.max());
      clock.advance(EXACT.max());
      drain(sender, outbox);

      assertThat(witnesses.stored(hotspot)).isEqualTo(QueuedWitnesses.digests(sent));
    }
  }
}
