package org.hexproof.bridge.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The daemon's {@link DaemonState}: every change happens under one lock and is written through to
 * the data directory before the lock is released.
 */
final class StateKeeper {
  private final Path dataDir;
  private final Clock clock;
  private DaemonState state;

  /** Reads the state of {@code dataDir} (empty when there is none yet). */
  StateKeeper(Path dataDir, Clock clock) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.state = DaemonState.read(dataDir);
  }

  synchronized DaemonState current() {
    return state;
  }

  synchronized void update(UnaryOperator<DaemonState> change) {
    state = change.apply(state);
    state.write(dataDir);
  }

  /** Remembers {@code error} as the last error, stamped with the clock's now. */
  void recordError(String error) {
    update(s -> s.withError(clock.instant() + " " + error));
  }
}
