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
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which records the sender offers together, and how it applies each one's outcome, over a real
 * outbox directory and a recording sink (the HTTP side is {@code OutboxBatchesAgainstOracleIT}).
 */
@Timeout(20)
class BatchingSenderIT {
  private static final Backoff EXACT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

  /** Records every exchange as the texts it carried; batches answered by {@link #answer}. */
  private static final class RecordingSink implements ReportSink {
    final List<List<String>> exchanges = new ArrayList<>();
    final Deque<Delivery> singles = new ArrayDeque<>();
    Function<List<OutboxRecord>, BatchDelivery> answer =
        records -> new BatchDelivery.Answered(records.stream().map(r -> delivered()).toList());

    @Override
    public Delivery deliver(OutboxRecord record) {
      exchanges.add(List.of(text(record)));
      return singles.isEmpty() ? delivered() : singles.poll();
    }

    @Override
    public BatchDelivery deliverAll(List<OutboxRecord> records) {
      BatchDelivery outcome = answer.apply(records);
      if (!(outcome instanceof BatchDelivery.Unsupported)) {
        exchanges.add(records.stream().map(BatchingSenderIT::text).toList());
      }
      return outcome;
    }
  }

  private static Delivery delivered() {
    return new Delivery.Delivered();
  }

  private static String text(OutboxRecord record) {
    return new String(record.bytes(), StandardCharsets.UTF_8);
  }

  private static void append(Outbox outbox, ReportKind kind, String... texts) {
    for (String t : texts) {
      outbox.append(kind, t.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void drain(Sender sender, Outbox outbox) {
    for (int i = 0; i < 100 && outbox.depth() > 0; i++) {
      assertThat(sender.step()).isZero();
    }
    assertThat(outbox.depth()).isZero();
  }

  private Sender sender(Outbox outbox, ReportSink sink, int batch) {
    return new Sender(outbox, sink, EXACT, clock, new Random(1), null, batch);
  }

  @Test
  void only_consecutive_reports_of_one_kind_go_together_so_append_order_holds() {
    RecordingSink sink = new RecordingSink();
    try (Outbox outbox = Outbox.open(dir, clock)) {
      append(outbox, ReportKind.ONBOARDING, "onboard");
      append(outbox, ReportKind.LOCATION, "location");
      append(outbox, ReportKind.WITNESS, "w1", "w2", "w3");
      append(outbox, ReportKind.BEACON, "b1");
      append(outbox, ReportKind.WITNESS, "w4", "w5");
      append(outbox, ReportKind.BEACON, "b2", "b3");
      drain(sender(outbox, sink, 100), outbox);
    }
    assertThat(sink.exchanges)
        .containsExactly(
            List.of("onboard"),
            List.of("location"),
            List.of("w1", "w2", "w3"),
            List.of("b1"),
            List.of("w4", "w5"),
            List.of("b2", "b3"));
  }

  @Test
  void batches_stop_at_the_limit_and_a_lone_remainder_goes_alone() {
    RecordingSink sink = new RecordingSink();
    try (Outbox outbox = Outbox.open(dir, clock)) {
      append(outbox, ReportKind.WITNESS, "1", "2", "3", "4", "5", "6", "7");
      drain(sender(outbox, sink, 3), outbox);
    }
    assertThat(sink.exchanges)
        .containsExactly(List.of("1", "2", "3"), List.of("4", "5", "6"), List.of("7"));
  }

  @Test
  void each_record_gets_its_own_outcome_and_the_first_retry_stops_the_rest() {
    RecordingSink sink = new RecordingSink();
    sink.answer =
        records ->
            records.size() == 4
                ? new BatchDelivery.Answered(
                    List.of(
                        delivered(),
                        new Delivery.Rejected("403 not onboarded"),
                        new Delivery.Retry("503 busy"),
                        delivered()))
                : new BatchDelivery.Answered(records.stream().map(r -> delivered()).toList());
    try (Outbox outbox = Outbox.open(dir, clock)) {
      append(outbox, ReportKind.WITNESS, "1", "2", "3", "4");
      Sender sender = sender(outbox, sink, 100);

      assertThat(sender.step()).isEqualTo(Duration.ofSeconds(1));
      assertThat(outbox.pending()).extracting(BatchingSenderIT::text).containsExactly("3", "4");
      assertThat(outbox.parked())
          .extracting(DeadLetter::reason)
          .containsExactly("403 not onboarded");
      assertThat(sender.lastError()).hasValueSatisfying(e -> assertThat(e).contains("503 busy"));
      assertThat(sender.step()).isEqualTo(Duration.ofSeconds(1)); // nothing goes out meanwhile
      clock.advance(Duration.ofSeconds(1));
      drain(sender, outbox);
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(outbox.pending()).isEmpty();
      assertThat(outbox.parked()).extracting(DeadLetter::id).containsExactly(2L);
    }
    assertThat(sink.exchanges).containsExactly(List.of("1", "2", "3", "4"), List.of("3", "4"));
  }

  @Test
  void a_batch_answered_retry_resolves_nothing_and_goes_again_after_the_backoff() {
    RecordingSink sink = new RecordingSink();
    sink.answer = records -> new BatchDelivery.Retry("connection refused");
    try (Outbox outbox = Outbox.open(dir, clock)) {
      append(outbox, ReportKind.BEACON, "1", "2", "3");
      Sender sender = sender(outbox, sink, 100);
      assertThat(sender.step()).isEqualTo(Duration.ofSeconds(1));
      clock.advance(Duration.ofSeconds(1));
      assertThat(sender.step()).isEqualTo(Duration.ofSeconds(2));
      assertThat(outbox.depth()).isEqualTo(3);
      assertThat(outbox.parked()).isEmpty();
    }
    assertThat(sink.exchanges).containsExactly(List.of("1", "2", "3"), List.of("1", "2", "3"));
  }

  @Test
  void too_large_halves_the_batch_for_good_and_the_head_goes_alone_meanwhile() {
    RecordingSink sink = new RecordingSink();
    sink.answer =
        records ->
            records.size() > 2
                ? new BatchDelivery.TooLarge("413 at most 2")
                : new BatchDelivery.Answered(records.stream().map(r -> delivered()).toList());
    try (Outbox outbox = Outbox.open(dir, clock)) {
      append(outbox, ReportKind.WITNESS, "1", "2", "3", "4", "5", "6", "7", "8", "9");
      drain(sender(outbox, sink, 8), outbox);
    }
    assertThat(sink.exchanges)
        .containsExactly(
            List.of("1", "2", "3", "4", "5", "6", "7", "8"),
            List.of("1"),
            List.of("2", "3", "4", "5"),
            List.of("2"),
            List.of("3", "4"),
            List.of("5", "6"),
            List.of("7", "8"),
            List.of("9"));
  }

  @Test
  void a_receiver_without_batches_is_asked_once_and_then_gets_one_record_at_a_time() {
    RecordingSink sink = new RecordingSink();
    List<Integer> offered = new ArrayList<>();
    sink.answer =
        records -> {
          offered.add(records.size());
          return new BatchDelivery.Unsupported("404");
        };
    try (Outbox outbox = Outbox.open(dir, clock)) {
      append(outbox, ReportKind.WITNESS, "1", "2", "3");
      Sender sender = sender(outbox, sink, 100);
      drain(sender, outbox);
      append(outbox, ReportKind.WITNESS, "4", "5");
      drain(sender, outbox);
    }
    assertThat(offered).containsExactly(3);
    assertThat(sink.exchanges)
        .containsExactly(List.of("1"), List.of("2"), List.of("3"), List.of("4"), List.of("5"));
  }

  @Test
  void a_batch_size_of_one_never_offers_a_batch() {
    RecordingSink sink = new RecordingSink();
    sink.answer =
        records -> {
          throw new AssertionError("offered a batch of " + records.size());
        };
    try (Outbox outbox = Outbox.open(dir, clock)) {
      append(outbox, ReportKind.WITNESS, "1", "2");
      drain(sender(outbox, sink, 1), outbox);
    }
    assertThat(sink.exchanges).containsExactly(List.of("1"), List.of("2"));
  }
}
