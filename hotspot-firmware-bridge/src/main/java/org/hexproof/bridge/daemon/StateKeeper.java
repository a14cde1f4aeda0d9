package org.hexproof.bridge.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;
import org.hexproof.bridge.tasks.SerialExecutor;

/**
 * The daemon's {@link DaemonState}: every change happens under one lock. A change that decides
 * behaviour after a restart (the last beacon's window, the registration, the last error) is written
 * through to the data directory before the lock is released; the witness count is a statistic, so
 * its changes are written together at most {@link #COUNT_WRITE_DELAY} later (or with the next
 * written change, or at {@link #flush}) instead of one atomic file replacement, with its fsync, per
 * witness.
 */
final class StateKeeper {
  /** How long a counted change may wait for its write. */
  static final Duration COUNT_WRITE_DELAY = Duration.ofSeconds(1);

  private final Path dataDir;
  private final Clock clock;
  private final SerialExecutor writer;
  private DaemonState state;
  private boolean unwritten;

  /**
   * Reads the state of {@code dataDir} (empty when there is none yet).
   *
   * @param writer writes counted changes after {@link #COUNT_WRITE_DELAY}; must have a timer
   */
  StateKeeper(Path dataDir, Clock clock, SerialExecutor writer) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.state = DaemonState.read(dataDir);
  }

  synchronized DaemonState current() {
    return state;
  }

  /** Applies {@code change} and writes the state before returning. */
  synchronized void update(UnaryOperator<DaemonState> change) {
    state = change.apply(state);
    state.write(dataDir);
    unwritten = false;
  }

  /** Applies a change to a count; it reaches the disk within {@link #COUNT_WRITE_DELAY}. */
  synchronized void count(UnaryOperator<DaemonState> change) {
    state = change.apply(state);
    if (unwritten) {
      return; // a write is already due
    }
    unwritten = true;
    try {
      writer.schedule(this::flush, COUNT_WRITE_DELAY);
    } catch (RejectedExecutionException closing) {
      flush();
    }
  }

  /** Writes a counted change that has not reached the disk yet. */
  synchronized void flush() {
    if (unwritten) {
      state.write(dataDir);
      unwritten = false;
    }
  }

  /** Remembers {@code error} as the last error, stamped with the clock's now. */
  void recordError(String error) {
    update(s -> s.withError(clock.instant() + " " + error));
  }
}
