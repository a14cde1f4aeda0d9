package org.hexproof.rewards.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.hexproof.rewards.close.CloseOutcome;
import org.hexproof.rewards.close.EpochCloser;
import org.hexproof.rewards.feed.FeedConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's two loops, each on its own daemon thread: feed reading and epoch closing. A loop
 * that fails (oracle or database down) waits with exponential back-off from one second up to {@code
 * retry-max}, then tries again; a closer halted by a ledger conflict stays idle. Stopped in reverse
 * start order.
 */
final class RewardsWorkers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RewardsWorkers.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  private final List<Loop> loops;

  RewardsWorkers(RewardsConfig config, FeedConsumer consumer, EpochCloser closer) {
    this.loops =
        List.of(
            new Loop(
                "hexproof-rewards-feed",
                config.retryMax(),
                () -> {
                  consumer.catchUp();
                  return config.pollInterval();
                }),
            new Loop(
                "hexproof-rewards-close",
                config.retryMax(),
                () -> {
                  CloseOutcome outcome = closer.closeReady();
                  return outcome instanceof CloseOutcome.Conflict
                      ? config.retryMax()
                      : config.closeInterval();
                }));
  }

  void start() {
    loops.forEach(Loop::start);
  }

  @Override
  public void close() {
    for (int i = loops.size() - 1; i >= 0; i--) {
      loops.get(i).stop();
    }
  }

  private static final class Loop implements Runnable {
    private final Thread thread;
    private final Duration retryMax;
    private final Callable<Duration> step;
    private volatile boolean running = true;

    Loop(String name, Duration retryMax, Callable<Duration> step) {
      this.thread = new Thread(this, name);
      this.thread.setDaemon(true);
      this.retryMax = retryMax;
      this.step = step;
    }

    void start() {
      thread.start();
    }

    void stop() {
      running = false;
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void run() {
      Duration retry = FIRST_RETRY;
      while (running) {
        Duration pause;
        try {
          pause = step.call();
          retry = FIRST_RETRY;
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          if (!running) {
            return;
          }
          LOG.warn("{}: {}; retrying in {}", thread.getName(), e.toString(), retry);
          pause = retry;
          retry = retry.multipliedBy(2).compareTo(retryMax) > 0 ? retryMax : retry.multipliedBy(2);
        }
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
