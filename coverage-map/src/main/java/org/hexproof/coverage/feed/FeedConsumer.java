package org.hexproof.coverage.feed;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the feed on its own thread until closed. The cursor lives in the {@link FeedSink}; this
 * loop never advances it itself, so a failure anywhere before the sink's commit repeats the same
 * page.
 *
 * <ul>
 *   <li>A full page ({@code limit} entries): ask again at once.
 *   <li>A short or empty page: wait {@code pollInterval}.
 *   <li>Any failure (oracle unreachable, bad page, database down): wait {@code pollInterval ×
 *       2^(k−1)} for the k-th failure in a row, at most {@code maxBackoff}, and retry from the
 *       sink's cursor.
 * </ul>
 *
 * <p>The loop catches every {@link RuntimeException}: it is the service's only writer and must
 * outlive an outage. Failures other than the expected transport ones are logged with their stack
 * trace.
 */
public final class FeedConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedConsumer.class);

  private final FeedSource source;
  private final FeedSink sink;
  private final Settings settings;
  private final Thread thread;
  private final Object wakeUp = new Object();
  private volatile boolean running;
  private final AtomicLong pages = new AtomicLong();
  private final AtomicLong entries = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile int failuresInARow;

  /**
   * How the loop paces itself.
   *
   * @param pageSize entries asked per request, 1..5000
   * @param pollInterval wait when caught up, and the first back-off step; positive
   * @param maxBackoff longest wait between retries; ≥ pollInterval
   */
  public record Settings(int pageSize, Duration pollInterval, Duration maxBackoff) {
    /** Validates. */
    public Settings {
      if (pageSize < 1 || pageSize > 5000) {
        throw new IllegalArgumentException("pageSize: expected 1..5000, got " + pageSize);
      }
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval: expected positive, got " + pollInterval);
      }
      if (maxBackoff.compareTo(pollInterval) < 0) {
        throw new IllegalArgumentException(
            "maxBackoff: expected ≥ pollInterval (" + pollInterval + "), got " + maxBackoff);
      }
    }
  }

  /**
   * Creates a stopped consumer.
   *
   * @param source the feed
   * @param sink storage and model
   * @param settings pacing
   */
  public FeedConsumer(FeedSource source, FeedSink sink, Settings settings) {
    this.source = Objects.requireNonNull(source, "source");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.thread = new Thread(this::loop, "coverage-feed");
    this.thread.setDaemon(true);
  }

  /** Starts the polling thread. */
  public void start() {
    running = true;
    thread.start();
    LOG.info("consuming the verified-PoC feed from {} after id {}", source, sink.cursor());
  }

  /** Asks the loop to poll now instead of finishing its wait. */
  public void pollNow() {
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
  }

  /** Pages applied since start. */
  public long pagesApplied() {
    return pages.get();
  }

  /** Entries read since start. */
  public long entriesRead() {
    return entries.get();
  }

  /** Entries and witnesses skipped as malformed since start. */
  public long skippedEntries() {
    return skipped.get();
  }

  /** Failed polls since start. */
  public long failures() {
    return failures.get();
  }

  /** Failed polls since the last success; 0 when healthy. */
  public int failuresInARow() {
    return failuresInARow;
  }

  private void loop() {
    while (running) {
      Duration delay = settings.pollInterval();
      try {
        long after = sink.cursor();
        FeedPage page = source.fetch(after, settings.pageSize());
        PageUpdate update = FeedTranslator.translate(after, page);
        if (update.entries() > 0) {
          sink.accept(update);
          pages.incrementAndGet();
          entries.addAndGet(update.entries());
          skipped.addAndGet(update.skipped());
        }
        if (failuresInARow > 0) {
          LOG.info("feed reachable again after {} failed polls", failuresInARow);
        }
        failuresInARow = 0;
        if (update.entries() >= settings.pageSize()) {
          delay = Duration.ZERO;
        }
      } catch (FeedUnavailableException | MalformedFeedException e) {
        delay = failed(e, false);
      } catch (RuntimeException e) {
        delay = failed(e, true);
      }
      try {
        sink.tick();
      } catch (RuntimeException e) {
        LOG.error("coverage refresh failed", e);
      }
      pause(delay);
    }
  }

  private Duration failed(RuntimeException e, boolean unexpected) {
    failures.incrementAndGet();
    int n = ++failuresInARow;
    Duration wait = backoff(n);
    if (unexpected) {
      LOG.error("feed poll failed ({} in a row), retrying in {}", n, wait, e);
    } else {
      LOG.warn("feed poll failed ({} in a row), retrying in {}: {}", n, wait, e.getMessage());
    }
    return wait;
  }

  /** {@code pollInterval × 2^(n−1)}, at most {@code maxBackoff}. */
  Duration backoff(int failuresInARow) {
    Duration wait = settings.pollInterval();
    for (int i = 1; i < failuresInARow && wait.compareTo(settings.maxBackoff()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
  }

  private void pause(Duration wait) {
    if (wait.isZero() || !running) {
      return;
    }
    synchronized (wakeUp) {
      try {
        wakeUp.wait(Math.max(1, wait.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  /** Stops the loop and waits up to 10 s for the current poll to finish. */
  @Override
  public void close() {
    running = false;
    pollNow();
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
