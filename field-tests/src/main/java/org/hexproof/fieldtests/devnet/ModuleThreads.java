package org.hexproof.fieldtests.devnet;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.hexproof.bridge.emulator.EmulatorRuntime;
import org.hexproof.bridge.emulator.TimeBase;

/**
 * The threads every serial hotspot of a fleet shares on the module side: one pool delivering the
 * lines of every {@link InProcessLink}, and one scheduler running every module emulator in turn,
 * with the emulators' physical delays (time on air, reboot, scan) on the devnet's clock. Their work
 * is short and never blocks, so a few threads serve thousands of hotspots. Close after every link
 * and emulator.
 */
final class ModuleThreads implements AutoCloseable {
  /** Threads delivering link lines. */
  static final int LINK_THREADS = 2;

  /** Threads running emulators. */
  static final int EMULATOR_THREADS = 2;

  private final ExecutorService links =
      Executors.newFixedThreadPool(LINK_THREADS, r -> DevnetThreads.daemonThread(r, "devnet-link"));
  private final ScheduledExecutorService emulatorThreads =
      Executors.newScheduledThreadPool(
          EMULATOR_THREADS, r -> DevnetThreads.daemonThread(r, "devnet-emulator"));
  private final EmulatorRuntime emulators;

  /** Emulators on {@code clock}'s time: a module-side second takes {@code 1 / speed} wall s. */
  ModuleThreads(AcceleratedClock clock) {
    emulators = EmulatorRuntime.shared(emulatorThreads, TimeBase.acceleratedBy(clock.speed()));
  }

  /** A new link on the shared delivery pool. */
  InProcessLink link(String name) {
    return new InProcessLink(name, links);
  }

  /** What every emulator of the fleet runs on. */
  EmulatorRuntime emulators() {
    return emulators;
  }

  @Override
  public void close() {
    DevnetThreads.stop(emulatorThreads, links);
  }
}
