package org.hexproof.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.hexproof.bridge.tasks.SerialExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's state file: written through for what matters after a restart, counts batched. */
@Timeout(20)
class StateKeeperTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final SerialExecutor writer = new SerialExecutor("state", pool, timer);
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  @TempDir Path dir;

  @AfterEach
  void stop() {
    pool.shutdownNow();
    timer.shutdownNow();
  }

  @Test
  void counted_witnesses_reach_the_file_together_within_the_delay() throws Exception {
    StateKeeper states = new StateKeeper(dir, clock, writer);
    for (int i = 0; i < 50; i++) {
      states.count(DaemonState::withWitness);
    }

    assertThat(states.current().witnessesSent()).isEqualTo(50);
    assertThat(DaemonState.read(dir).witnessesSent()).isZero();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (DaemonState.read(dir).witnessesSent() != 50 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(DaemonState.read(dir).witnessesSent()).isEqualTo(50);
  }

  @Test
  void a_written_change_carries_the_pending_count_and_flush_writes_what_is_left() {
    StateKeeper states = new StateKeeper(dir, clock, writer);
    states.count(DaemonState::withWitness);
    states.recordError("oracle unreachable");

    DaemonState written = DaemonState.read(dir);
    assertThat(written.witnessesSent()).isEqualTo(1);
    assertThat(written.lastError()).hasValue("2026-11-25T10:00:00Z oracle unreachable");

    states.count(DaemonState::withWitness);
    states.flush();
    assertThat(DaemonState.read(dir).witnessesSent()).isEqualTo(2);
  }

  @Test
  void once_the_writer_is_closed_a_count_is_written_at_once() {
    StateKeeper states = new StateKeeper(dir, clock, writer);
    writer.close();

    states.count(DaemonState::withWitness);

    assertThat(DaemonState.read(dir).witnessesSent()).isEqualTo(1);
    assertThat(new StateKeeper(dir, clock, writer).current().witnessesSent()).isEqualTo(1);
  }
}
