package org.hexproof.bridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sender over a real outbox directory, driven step by step with a fake clock. */
@Timeout(20)
class SenderIT {
  private static final Backoff EXACT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0);
  private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(START);

  /** Records what it receives; answers from a script, then Delivered. */
  private final class RecordingSink implements ReportSink {
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<Instant> attempts = new ArrayList<>();
    final Deque<Delivery> script = new ArrayDeque<>();

    @Override
    public Delivery deliver(OutboxRecord record) {
      attempts.add(clock.instant());
      Delivery outcome = script.isEmpty() ? new Delivery.Delivered() : script.poll();
      if (outcome instanceof Delivery.Delivered) {
        received.add(new String(record.bytes(), StandardCharsets.UTF_8));
      }
      return outcome;
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void drain(Sender sender) {
    for (int i = 0; i < 100 && sender.step().isZero(); i++) {
      // keep stepping while records go out immediately
    }
  }

  @Test
  void delivers_in_order_and_each_exactly_once_across_a_restart_mid_delivery() {
    RecordingSink sink = new RecordingSink();
    try (Outbox outbox = Outbox.open(dir, clock)) {
      for (String s : List.of("r1", "r2", "r3", "r4", "r5")) {
        outbox.append(ReportKind.WITNESS, bytes(s));
      }
      Sender sender = new Sender(outbox, sink, EXACT, clock, new Random(1));
      assertThat(sender.step()).isZero();
      assertThat(sender.step()).isZero();
      // the process stops here: two delivered, three pending
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(outbox.depth()).isEqualTo(3);
      Sender sender = new Sender(outbox, sink, EXACT, clock, new Random(1));
      drain(sender);
      assertThat(sender.step()).isEqualTo(Sender.IDLE_WAIT);
      assertThat(outbox.depth()).isZero();
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      drain(new Sender(outbox, sink, EXACT, clock, new Random(1)));
    }
    assertThat(sink.received).containsExactly("r1", "r2", "r3", "r4", "r5");
  }

  @Test
  void retries_the_head_on_the_backoff_schedule_and_holds_back_later_records() {
    RecordingSink sink = new RecordingSink();
    for (int i = 0; i < 4; i++) {
      sink.script.add(new Delivery.Retry("503 oracle restarting"));
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      outbox.append(ReportKind.BEACON, bytes("head"));
      outbox.append(ReportKind.WITNESS, bytes("behind"));
      Sender sender = new Sender(outbox, sink, EXACT, clock, new Random(1));
      List<Duration> waits = new ArrayList<>();
      while (sink.received.size() < 2) {
        Duration wait = sender.step();
        waits.add(wait);
        clock.advance(wait);
      }
      assertThat(sink.attempts)
          .containsExactly(
              START,
              START.plusSeconds(1),
              START.plusSeconds(3),
              START.plusSeconds(7),
              START.plusSeconds(15),
              START.plusSeconds(15));
      assertThat(waits.subList(0, 4))
          .containsExactly(
              Duration.ofSeconds(1),
              Duration.ofSeconds(2),
              Duration.ofSeconds(4),
              Duration.ofSeconds(8));
      assertThat(sink.received).containsExactly("head", "behind");
      assertThat(sender.lastError()).hasValueSatisfying(e -> assertThat(e).contains("503"));
    }
  }

  @Test
  void a_step_during_backoff_sends_nothing_and_returns_the_rest_of_the_wait() {
    RecordingSink sink = new RecordingSink();
    sink.script.add(new Delivery.Retry("connection refused"));
    try (Outbox outbox = Outbox.open(dir, clock)) {
      outbox.append(ReportKind.BEACON, bytes("x"));
      Sender sender = new Sender(outbox, sink, EXACT, clock, new Random(1));
      assertThat(sender.step()).isEqualTo(Duration.ofSeconds(1));
      clock.advance(Duration.ofMillis(400));
      assertThat(sender.step()).isEqualTo(Duration.ofMillis(600));
      assertThat(sink.attempts).hasSize(1);
    }
  }

  @Test
  void a_rejected_record_is_parked_and_the_next_goes_out() {
    RecordingSink sink = new RecordingSink();
    sink.script.add(new Delivery.Rejected("400 bad signature"));
    try (Outbox outbox = Outbox.open(dir, clock)) {
      outbox.append(ReportKind.WITNESS, bytes("bad"));
      outbox.append(ReportKind.WITNESS, bytes("good"));
      drain(new Sender(outbox, sink, EXACT, clock, new Random(1)));
      assertThat(sink.received).containsExactly("good");
      assertThat(outbox.parked())
          .extracting(DeadLetter::reason)
          .containsExactly("400 bad signature");
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(outbox.pending()).isEmpty();
      assertThat(outbox.parked()).hasSize(1);
    }
  }

  @Test
  void the_sender_thread_delivers_what_is_appended_after_a_wake() throws InterruptedException {
    RecordingSink sink = new RecordingSink();
    try (Outbox outbox = Outbox.open(dir, clock);
        Sender sender = new Sender(outbox, sink, EXACT, clock, new Random(1))) {
      sender.start();
      outbox.append(ReportKind.WITNESS, bytes("live"));
      sender.wake();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (sink.received.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(sink.received).containsExactly("live");
    }
  }
}
