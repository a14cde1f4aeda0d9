package org.hexproof.bridge.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hexproof.bridge.tasks.SerialExecutor;
import org.hexproof.bridge.tasks.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an {@link Outbox}'s pending records to a {@link ReportSink} strictly in order: the head
 * record is acknowledged when delivered, parked when rejected, and retried after a {@link Backoff}
 * when the sink is unavailable; nothing behind it moves until it is resolved. When several beacon
 * (or witness) records wait one behind the other, the head goes together with them in one {@link
 * ReportSink#deliverAll} exchange (see {@link Batching}); each is then acknowledged or parked by
 * its own outcome, in order, and the first one to be retried stops the rest. Because progress lives
 * in the outbox, a new sender on a reopened outbox continues where the old one stopped and never
 * sends an acknowledged record again (records delivered but not yet acknowledged when the process
 * died are sent once more; receivers deduplicate by content).
 *
 * <p>{@link #step} is the whole algorithm and runs on the caller's thread (tests drive it with a
 * fake clock). {@link #start} runs it as tasks, one at a time, until {@link #close}: each task
 * steps while records go out at once, then waits for the backoff, for {@link #IDLE_WAIT}, or for a
 * {@link #wake}, whichever comes first. The tasks run on a thread of the sender's own ({@code
 * outbox-sender}), or, given shared {@link Workers}, on their pool with no thread of their own.
 */
public final class Sender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Sender.class);

  /** How long an idle sender sleeps when nothing wakes it, e.g. after a missed {@link #wake}. */
  public static final Duration IDLE_WAIT = Duration.ofSeconds(30);

  /** Steps one task makes before it queues the next, so other work on a shared pool gets a turn. */
  private static final int STEPS_PER_TASK = 16;

  private final Outbox outbox;
  private final ReportSink sink;
  private final Backoff backoff;
  private final Clock clock;
  private final Random random;
  private final Batching batching;
  private int failures;
  private Instant nextAttemptAt = Instant.MIN;
  private volatile String lastError;
  private volatile Consumer<String> errorListener = error -> {};
  private volatile DeliveryListener deliveryListener = (record, attempt, accepted) -> {};
  private final Object lifecycle = new Object();
  private final Workers workers; // null: a thread of its own, made by start
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile boolean running;
  private ScheduledExecutorService ownThread; // guarded by lifecycle
  private SerialExecutor tasks; // guarded by lifecycle
  private Future<?> timer; // guarded by lifecycle

  /**
   * A sender that delivers on a thread of its own once started.
   *
   * @param outbox the records to deliver
   * @param sink where they go
   * @param backoff waits between failed attempts
   * @param clock decides when the next attempt is due
   * @param random draws the backoff jitter
   */
  public Sender(Outbox outbox, ReportSink sink, Backoff backoff, Clock clock, Random random) {
    this(outbox, sink, backoff, clock, random, null, Batching.DEFAULT_RECORDS);
  }

  /**
   * A sender that delivers on shared {@code workers} once started (no thread of its own), at most
   * {@code maxBatchRecords} records in one exchange.
   *
   * @param workers runs the delivery tasks and holds the waits; null: a thread of its own
   * @param maxBatchRecords 1..{@link Batching#MAX_RECORDS}; 1 sends every record alone
   * @throws IllegalArgumentException when {@code maxBatchRecords} is out of range
   */
  public Sender(
      Outbox outbox,
      ReportSink sink,
      Backoff backoff,
      Clock clock,
      Random random,
      Workers workers,
      int maxBatchRecords) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.workers = workers;
    this.batching = new Batching(maxBatchRecords);
  }

  /**
   * Makes at most one delivery attempt: the head record (with the records that go with it), if
   * there is one and no backoff is running.
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
    Batching.Attempt attempt = batching.attempt(outbox, head.get(), sink);
    Instant answered = clock.instant();
    List<Long> delivered = new ArrayList<>();
    Duration wait = Duration.ZERO;
    for (int i = 0; i < attempt.outcomes().size() && wait.isZero(); i++) {
      OutboxRecord record = attempt.records().get(i);
      Delivery outcome = attempt.outcomes().get(i);
      if (outcome instanceof Delivery.Delivered) {
        deliveryListener.delivered(record, now, answered);
        delivered.add(record.id());
      } else if (outcome instanceof Delivery.Rejected rejected) {
        outbox.park(record.id(), rejected.reason());
        lastError = record.kind() + " #" + record.id() + " rejected: " + rejected.reason();
        errorListener.accept(lastError);
        log.warn("outbox: parked {} #{}: {}", record.kind(), record.id(), rejected.reason());
      } else {
        Delivery.Retry retry = (Delivery.Retry) outcome;
        deliveryListener.failed(record, retry.reason());
        wait = retryLater(record, retry.reason(), now);
      }
    }
    // one durable write for all of them; a crash before it only repeats their delivery
    outbox.acknowledgeAll(delivered);
    if (!delivered.isEmpty()) {
      log.info(
          "outbox: delivered {} {} from #{}", delivered.size(), head.get().kind(), head.get().id());
    }
    failures = wait.isZero() ? 0 : failures;
    return wait;
  }

  /** The last rejection or delivery failure, if any happened since this sender was made. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  /** Receives every rejection and delivery failure message, in the delivery task. */
  public void setErrorListener(Consumer<String> listener) {
    errorListener = Objects.requireNonNull(listener, "listener");
  }

  /** Receives every delivered record (e.g. to measure how long reports wait). */
  public void setDeliveryListener(DeliveryListener listener) {
    deliveryListener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Starts delivering.
   *
   * @throws IllegalStateException when already started
   */
  public void start() {
    synchronized (lifecycle) {
      if (tasks != null) {
        throw new IllegalStateException("sender already started");
      }
      Workers on = workers;
      if (on == null) {
        ScheduledThreadPoolExecutor thread =
            new ScheduledThreadPoolExecutor(
                1,
                r -> {
                  Thread t = new Thread(r, "outbox-sender");
                  t.setDaemon(true);
                  return t;
                });
        thread.setRemoveOnCancelPolicy(true); // every wake replaces the pending wait
        ownThread = thread;
        on = new Workers(thread, thread);
      }
      tasks = on.serial("outbox-sender");
      running = true;
    }
    wake();
  }

  /**
   * Tells the sender that a record was appended, so it need not wait for {@link #IDLE_WAIT}; a
   * running backoff is still respected. Does nothing before {@link #start} or after {@link #close}.
   */
  public void wake() {
    if (!running || !queued.compareAndSet(false, true)) {
      return; // a delivery task is queued already and will see the new record
    }
    try {
      synchronized (lifecycle) {
        if (tasks == null) {
          queued.set(false);
          return;
        }
        tasks.execute(this::deliverDue);
      }
    } catch (RejectedExecutionException e) {
      queued.set(false);
      log.debug("outbox: sender closed, wake ignored");
    }
  }

  /**
   * Stops delivering, waiting up to 10 s for an attempt in progress to finish. Takes no lock that
   * {@link #step} holds, so a caller may close while a listener call is blocked on the caller.
   */
  @Override
  public void close() {
    SerialExecutor stopping;
    ScheduledExecutorService thread;
    synchronized (lifecycle) {
      running = false;
      stopping = tasks;
      thread = ownThread;
      if (timer != null) {
        timer.cancel(false);
      }
    }
    if (stopping != null) {
      stopping.close();
      if (!stopping.awaitIdle(Duration.ofSeconds(10))) {
        log.warn("outbox: a delivery attempt still runs 10 s after close");
      }
    }
    if (thread != null) {
      thread.shutdownNow();
    }
  }

  /** One delivery task: steps while records go out at once, then arranges the next task. */
  private void deliverDue() {
    queued.set(false);
    Duration wait = Duration.ZERO;
    for (int i = 0; i < STEPS_PER_TASK && running && wait.isZero(); i++) {
      try {
        wait = step();
      } catch (RuntimeException e) {
        // A sender that stops on one failure would silently stop every report: log, back off.
        log.error("outbox: delivery step failed", e);
        wait = backoff.max();
      }
    }
    if (!running) {
      return;
    }
    if (wait.isZero()) {
      wake();
      return;
    }
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      if (timer != null) {
        timer.cancel(false); // at most one wait per sender
      }
      try {
        timer = tasks.schedule(this::wake, Duration.ofMillis(Math.max(1, wait.toMillis())));
      } catch (RejectedExecutionException e) {
        log.debug("outbox: sender closed while waiting");
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
}
