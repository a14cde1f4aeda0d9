package org.hexproof.bridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.hexproof.bridge.tasks.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Senders as tasks on shared workers, over real outbox directories, on the wall clock. */
@Timeout(30)
class SenderOnWorkersIT {
  private static final Backoff FAST = new Backoff(Duration.ofMillis(60), Duration.ofSeconds(1), 0);

  @TempDir Path dir;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Workers workers = new Workers(pool, timer);
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    pool.shutdownNow();
    timer.shutdownNow();
  }

  /** Records deliveries (and their wall times); fails the first {@code failures} attempts. */
  private static final class Sink implements ReportSink {
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<Long> attemptNanos = new CopyOnWriteArrayList<>();
    final AtomicInteger failures;

    Sink(int failures) {
      this.failures = new AtomicInteger(failures);
    }

    @Override
    public Delivery deliver(OutboxRecord record) {
      attemptNanos.add(System.nanoTime());
      if (failures.getAndDecrement() > 0) {
        return new Delivery.Retry("503 oracle restarting");
      }
      received.add(new String(record.bytes(), StandardCharsets.UTF_8));
      return new Delivery.Delivered();
    }
  }

  private Outbox outbox(String name) {
    Outbox outbox = Outbox.open(dir.resolve(name), Clock.systemUTC());
    open.add(outbox);
    return outbox;
  }

  private Sender sender(Outbox outbox, ReportSink sink, Backoff backoff) {
    Sender sender =
        new Sender(
            outbox,
            sink,
            backoff,
            Clock.systemUTC(),
            new Random(1),
            workers,
            Batching.DEFAULT_RECORDS);
    open.add(sender);
    return sender;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void forty_senders_on_two_threads_deliver_every_record_once_in_order() throws Exception {
    List<Sink> sinks = new ArrayList<>();
    List<Outbox> outboxes = new ArrayList<>();
    List<Sender> senders = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      Outbox outbox = outbox("o" + s);
      Sink sink = new Sink(s % 4 == 0 ? 2 : 0); // every fourth head is refused twice first
      Sender sender = sender(outbox, sink, FAST);
      sender.start();
      sinks.add(sink);
      outboxes.add(outbox);
      senders.add(sender);
    }
    for (int r = 0; r < 10; r++) {
      for (int s = 0; s < 40; s++) {
        outboxes.get(s).append(ReportKind.WITNESS, bytes(s + ":" + r));
        senders.get(s).wake(); // as the daemon does after every append
      }
    }
    await("every outbox drained", () -> outboxes.stream().allMatch(o -> o.depth() == 0));
    for (int s = 0; s < 40; s++) {
      List<String> expected = new ArrayList<>();
      for (int r = 0; r < 10; r++) {
        expected.add(s + ":" + r);
      }
      assertThat(sinks.get(s).received).as("sender %d", s).isEqualTo(expected);
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .doesNotContain("outbox-sender");
  }

  @Test
  void retries_the_head_after_growing_waits_and_holds_back_what_is_behind() throws Exception {
    Outbox outbox = outbox("o");
    Sink sink = new Sink(3);
    outbox.append(ReportKind.BEACON, bytes("head"));
    outbox.append(ReportKind.WITNESS, bytes("behind"));
    Sender sender = sender(outbox, sink, FAST);
    List<String> errors = new CopyOnWriteArrayList<>();
    sender.setErrorListener(errors::add);
    sender.start();
    await("both delivered", () -> sink.received.size() == 2);
    assertThat(sink.received).containsExactly("head", "behind");
    List<Long> at = sink.attemptNanos;
    assertThat(at).hasSize(5);
    // 60, 120, 240 ms of backoff (no jitter) between the four attempts at the head
    assertThat(at.get(1) - at.get(0)).isGreaterThanOrEqualTo(ms(60));
    assertThat(at.get(2) - at.get(1)).isGreaterThanOrEqualTo(ms(120));
    assertThat(at.get(3) - at.get(2)).isGreaterThanOrEqualTo(ms(240));
    assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e).contains("503", "BEACON #1"));
  }

  @Test
  void an_idle_sender_waits_until_woken_and_a_wake_during_backoff_sends_nothing_early()
      throws Exception {
    Outbox outbox = outbox("o");
    Sink sink = new Sink(0);
    Sender sender = sender(outbox, sink, FAST);
    sender.start();
    Thread.sleep(100); // the first task found the outbox empty: it now waits Sender.IDLE_WAIT
    outbox.append(ReportKind.WITNESS, bytes("quiet"));
    Thread.sleep(300);
    assertThat(sink.received).as("not woken: waits for the idle wait").isEmpty();
    sender.wake();
    await("delivered after the wake", () -> sink.received.size() == 1);

    Sink refusing = new Sink(1);
    Outbox second = outbox("o2");
    Sender slow =
        sender(second, refusing, new Backoff(Duration.ofMillis(400), Duration.ofSeconds(1), 0));
    second.append(ReportKind.WITNESS, bytes("x"));
    slow.start();
    await("first attempt refused", () -> refusing.attemptNanos.size() == 1);
    slow.wake();
    slow.wake();
    Thread.sleep(150);
    assertThat(refusing.attemptNanos).as("wakes do not cut the backoff short").hasSize(1);
    await("sent after the backoff", () -> refusing.received.size() == 1);
    assertThat(refusing.attemptNanos.get(1) - refusing.attemptNanos.get(0))
        .isGreaterThanOrEqualTo(ms(400));
  }

  @Test
  void close_waits_for_the_attempt_in_progress_and_then_sends_nothing() throws Exception {
    Outbox outbox = outbox("o");
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> delivered = new CopyOnWriteArrayList<>();
    ReportSink blocking =
        record -> {
          inside.countDown();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          delivered.add(new String(record.bytes(), StandardCharsets.UTF_8));
          return new Delivery.Delivered();
        };
    Sender sender =
        new Sender(
            outbox,
            blocking,
            FAST,
            Clock.systemUTC(),
            new Random(1),
            workers,
            Batching.DEFAULT_RECORDS);
    outbox.append(ReportKind.WITNESS, bytes("in flight"));
    outbox.append(ReportKind.WITNESS, bytes("after close"));
    sender.start();
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    timer.schedule(release::countDown, 200, TimeUnit.MILLISECONDS);
    sender.close();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(ms(150));
    assertThat(delivered).containsExactly("in flight");
    assertThat(outbox.depth()).as("acknowledged before close returned").isEqualTo(1);
    sender.wake();
    Thread.sleep(200);
    assertThat(delivered).containsExactly("in flight");
  }

  private static long ms(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
