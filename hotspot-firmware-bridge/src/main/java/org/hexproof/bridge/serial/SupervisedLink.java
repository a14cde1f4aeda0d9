package org.hexproof.bridge.serial;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.hexproof.bridge.radio.CommandTimeoutException;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.tasks.SerialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link half of a {@link SerialLine}: which channel is open in which generation, the command
 * waiting for its reply, and the supervision that keeps the link up. An idle link is pinged; a dead
 * one (write error, read error, unanswered ping, failing reconnect hook) is closed and reopened
 * with exponential backoff, after which the reconnect hook runs on the event thread. Every open and
 * close starts a new generation, so lines and failures of an old channel are ignored. All mutable
 * state is guarded by {@link #stateLock}.
 */
abstract class SupervisedLink {
  static final Logger log = LoggerFactory.getLogger(SerialLine.class);

  enum State {
    NEW,
    UP,
    DOWN,
    CLOSED
  }

  final LineChannelOpener opener;
  final LineDialect dialect;
  final SerialLineOptions options;
  final ReentrantLock commandLock = new ReentrantLock(true);
  final Object stateLock = new Object();
  final SerialExecutor events;
  final SerialExecutor supervisor;
  volatile Runnable reconnectHook = () -> {};
  volatile long lastReplyNanos = System.nanoTime();

  // Guarded by stateLock.
  State state = State.NEW;
  LineChannel channel;
  int generation;
  PendingCommand pending;
  Duration backoff;

  SupervisedLink(
      LineChannelOpener opener,
      LineDialect dialect,
      SerialLineOptions options,
      SerialExecutor events,
      SerialExecutor supervisor) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.options = Objects.requireNonNull(options, "options");
    this.events = events;
    this.supervisor = supervisor;
    this.backoff = options.initialBackoff();
  }

  /** The receiver for a channel opened in generation {@code gen}. */
  abstract LineReceiver receiver(int gen);

  /** Whether the link is open now. */
  abstract boolean isUp();

  /** Sends a command and waits for its final reply line ({@link SerialLine#command}). */
  abstract List<String> command(String line, Predicate<String> isFinal, Duration timeout);

  /** The delay before the next reopen; doubles the one after, up to the maximum. */
  Duration nextDelay() {
    Duration delay = backoff;
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : doubled;
    return delay;
  }

  int nextGeneration() {
    synchronized (stateLock) {
      return ++generation;
    }
  }

  void linkDown(int gen, LinkDownException cause) {
    LineChannel dead;
    Duration delay;
    synchronized (stateLock) {
      if (state != State.UP || gen != generation) {
        return;
      }
      state = State.DOWN;
      generation++;
      dead = channel;
      channel = null;
      if (pending != null) {
        pending.result.completeExceptionally(cause);
        pending = null;
      }
      delay = nextDelay(); // reset only once a reconnect hook succeeds: failing hooks back off
    }
    log.warn("{}: link down ({}); reopening in {} ms", dialect.name(), cause, delay.toMillis());
    supervisor.execute(dead::close);
    supervisor.schedule(this::reopen, delay);
  }

  void reopen() {
    int gen;
    synchronized (stateLock) {
      if (state != State.DOWN) {
        return;
      }
      gen = ++generation;
    }
    LineChannel opened;
    try {
      opened = opener.open(receiver(gen));
    } catch (LinkDownException e) {
      Duration delay;
      synchronized (stateLock) {
        delay = nextDelay();
      }
      log.info("{}: reopen failed ({}); next try in {} ms", dialect.name(), e, delay.toMillis());
      supervisor.schedule(this::reopen, delay);
      return;
    }
    synchronized (stateLock) {
      if (state != State.DOWN || gen != generation) {
        opened.close();
        return;
      }
      state = State.UP;
      channel = opened;
    }
    lastReplyNanos = System.nanoTime();
    log.info("{}: link reopened", dialect.name());
    events.execute(this::runReconnectHook);
  }

  void runReconnectHook() {
    int gen;
    synchronized (stateLock) {
      gen = generation;
    }
    try {
      reconnectHook.run();
      synchronized (stateLock) {
        backoff = options.initialBackoff();
      }
    } catch (RuntimeException e) {
      // E.g. the module was not listening yet: reopen and run the hook again, backing off.
      linkDown(gen, new LinkDownException(dialect.name() + ": reconnect hook failed: " + e, e));
    }
  }

  void pingIfIdle() {
    long idle = System.nanoTime() - lastReplyNanos;
    if (!isUp() || idle < options.pingInterval().toNanos() || !commandLock.tryLock()) {
      return;
    }
    int gen;
    synchronized (stateLock) {
      gen = generation;
    }
    try {
      command(dialect.pingCommand(), dialect.pingFinal(), options.pingTimeout());
    } catch (CommandTimeoutException e) {
      linkDown(gen, new LinkDownException(dialect.name() + ": ping unanswered", e));
    } catch (LinkDownException e) {
      log.debug("{}: ping found the link down: {}", dialect.name(), e.getMessage());
    } finally {
      commandLock.unlock();
    }
  }
}
