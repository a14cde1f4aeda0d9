package org.hexproof.bridge.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.serial.LineChannel;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.bridge.serial.LineReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plumbing every emulator shares: one ordered worker for commands, timers and received frames
 * (a thread of its own, or a turn on a shared scheduler: {@link EmulatorRuntime}); module-side
 * delays on the runtime's {@link TimeBase}; writing replies and events; and the test hooks.
 */
public abstract class ModuleEmulator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModuleEmulator.class);

  private final String name;
  private final LineChannelOpener opener;
  private final EmulatorRuntime runtime;
  private final EmulatorRuntime.Worker worker;
  private final Queue<String> interleaved = new ConcurrentLinkedQueue<>();
  private volatile boolean silent;
  private volatile LineChannel channel;

  /**
   * @param name for the thread name and logs
   * @param opener opens the emulator's end of the link
   * @param runtime the thread and time base the emulator runs on
   */
  protected ModuleEmulator(String name, LineChannelOpener opener, EmulatorRuntime runtime) {
    this.name = Objects.requireNonNull(name, "name");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.worker = runtime.worker(name);
  }

  /**
   * Opens the link and starts answering.
   *
   * @throws LinkDownException when the link cannot be opened
   */
  public void start() {
    channel =
        opener.open(
            new LineReceiver() {
              @Override
              public void onLine(String line) {
                onThread(() -> receive(line));
              }

              @Override
              public void onLinkDown(LinkDownException cause) {
                log.debug("{}: link down: {}", name, cause.getMessage());
              }
            });
  }

  /** While silent the emulator reads and ignores everything, like a hung module. */
  public void setSilent(boolean silent) {
    this.silent = silent;
  }

  /**
   * Writes {@code line} in the middle of the next reply: after its first lines, before its final
   * status, as a module does when an event fires while it answers.
   */
  public void interleaveInNextReply(String line) {
    interleaved.add(Objects.requireNonNull(line, "line"));
  }

  /** Stops the worker and closes the link. */
  @Override
  public void close() {
    worker.close();
    LineChannel open = channel;
    if (open != null) {
      open.close();
    }
  }

  /** Handles one command line, on the emulator thread. */
  protected abstract void handle(String line);

  /** Runs {@code task} on the emulator thread. */
  protected final void onThread(Runnable task) {
    try {
      worker.execute(guarded(task));
    } catch (RejectedExecutionException closed) {
      log.debug("{}: closed, dropping work", name);
    }
  }

  /**
   * Runs {@code task} on the emulator thread after {@code delay} of module time (time on air, a
   * reboot, a receive window), which the runtime's {@link TimeBase} turns into wall time.
   */
  protected final void later(Duration delay, Runnable task) {
    try {
      worker.schedule(runtime.time().wall(delay), guarded(task));
    } catch (RejectedExecutionException closed) {
      log.debug("{}: closed, dropping timer", name);
    }
  }

  /** Writes a reply; pending interleaved lines go just before its last line. */
  protected final void reply(String... lines) {
    List<String> out = new ArrayList<>(List.of(lines));
    String line;
    while ((line = interleaved.poll()) != null) {
      out.add(Math.max(0, out.size() - 1), line);
    }
    out.forEach(this::write);
  }

  /** Writes one unsolicited line. */
  protected final void emit(String line) {
    write(line);
  }

  private void write(String line) {
    LineChannel open = channel;
    if (open == null) {
      return;
    }
    try {
      open.writeLine(line);
    } catch (LinkDownException e) {
      log.debug("{}: cannot write \"{}\": {}", name, line, e.getMessage());
    }
  }

  private void receive(String line) {
    if (silent) {
      log.debug("{}: silent, ignoring \"{}\"", name, line);
      return;
    }
    handle(line);
  }

  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("{}: emulator bug", name, e);
      }
    };
  }
}
