package org.hexproof.bridge.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an {@link Outbox}'s pending records to a {@link ReportSink} strictly in order: the head
 * record is acknowledged when delivered, parked when rejected, and retried after a {@link Backoff}
 * when the sink is unavailable; nothing behind it moves until it is resolved. Because progress
 * lives in the outbox, a new sender on a reopened outbox continues where the old one stopped and
 * never sends an acknowledged record again (a record delivered but not yet acknowledged when the
 * process died is sent once more; receivers deduplicate by content).
 *
 * <p>{@link #step} is the whole algorithm and runs on the caller's thread (tests drive it with a
 * fake clock); {@link #start} runs it on a thread of its own until {@link #close}.
 */
public final class Sender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Sender.class);

  /** How long an idle sender sleeps when nothing wakes it, e.g. after a missed {@link #wake}. */
  public static final Duration IDLE_WAIT = Duration.ofSeconds(30);

  private final Outbox outbox;
  private final ReportSink sink;
  private final Backoff backoff;
  private final Clock clock;
  private final Random random;
  private final Object signal = new Object();
  private boolean woken;
  private int failures;
  private Instant nextAttemptAt = Instant.MIN;
  private volatile String lastError;
  private volatile Consumer<String> errorListener = error -> {};
  private volatile boolean running;
  private final Object lifecycle = new Object();
  private Thread thread;

  /**
   * @param outbox the records to deliver
   * @param sink where they go
   * @param backoff waits between failed attempts
   * @param clock decides when the next attempt is due
   * @param random draws the backoff jitter
   */
  public Sender(Outbox outbox, ReportSink sink, Backoff backoff, Clock clock, Random random) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Makes at most one delivery attempt: the head record, if there is one and no backoff is running.
   *
   * @return how long to wait before the next step: zero when more records may go now, the rest of
   *     the backoff after a failure, {@link #IDLE_WAIT} when the outbox is empty
   */
  public synchronized Duration step() {
    Instant now = clock.instant();
    if (now.isBefore(nextAttemptAt)) {
      return Duration.between(now, nextAttemptAt);
    }
    Optional<OutboxRecord> head = outbox.first();
    if (head.isEmpty()) {
      return IDLE_WAIT;
    }
    OutboxRecord record = head.get();
    Delivery outcome = sink.deliver(record);
    if (outcome instanceof Delivery.Delivered) {
      outbox.acknowledge(record.id());
      failures = 0;
      log.info("outbox: delivered {} #{}", record.kind(), record.id());
      return Duration.ZERO;
    }
    if (outcome instanceof Delivery.Rejected rejected) {
      outbox.park(record.id(), rejected.reason());
      failures = 0;
      lastError = record.kind() + " #" + record.id() + " rejected: " + rejected.reason();
      errorListener.accept(lastError);
      log.warn("outbox: parked {} #{}: {}", record.kind(), record.id(), rejected.reason());
      return Duration.ZERO;
    }
    Delivery.Retry retry = (Delivery.Retry) outcome;
    return retryLater(record, retry.reason(), now);
  }

  /** The last rejection or delivery failure, if any happened since this sender was made. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  /** Receives every rejection and delivery failure message, on the sending thread. */
  public void setErrorListener(Consumer<String> listener) {
    errorListener = Objects.requireNonNull(listener, "listener");
  }

  /** Starts the delivery thread. */
  public void start() {
    synchronized (lifecycle) {
      if (thread != null) {
        throw new IllegalStateException("sender already started");
      }
      running = true;
      thread = new Thread(this::loop, "outbox-sender");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Tells the thread that a record was appended, so it need not wait for {@link #IDLE_WAIT}. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  /**
   * Stops the thread, waiting up to 10 s for an attempt in progress to finish. Takes no lock that
   * {@link #step} holds, so a caller may close while a listener call is blocked on the caller.
   */
  @Override
  public void close() {
    Thread t;
    synchronized (lifecycle) {
      running = false;
      t = thread;
    }
    wake();
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Duration retryLater(OutboxRecord record, String reason, Instant now) {
    failures++;
    Duration wait = backoff.delay(failures, random);
    nextAttemptAt = now.plus(wait);
    lastError = record.kind() + " #" + record.id() + " not delivered: " + reason;
    errorListener.accept(lastError);
    log.warn(
        "outbox: {} #{} not delivered ({}); attempt {} failed, next in {} ms",
        record.kind(),
        record.id(),
        reason,
        failures,
        wait.toMillis());
    return wait;
  }

  private void loop() {
    while (running) {
      Duration wait;
      try {
        wait = step();
      } catch (RuntimeException e) {
        // A dead sender thread would silently stop every report; log, back off and keep going.
        log.error("outbox: delivery step failed", e);
        wait = backoff.max();
      }
      if (!wait.isZero()) {
        await(wait);
      }
    }
  }

  private void await(Duration wait) {
    synchronized (signal) {
      try {
        if (!woken && running) {
          signal.wait(Math.max(1, wait.toMillis()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      woken = false;
    }
  }
}
