package org.hexproof.fieldtests.devnet;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.serial.LineChannel;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.bridge.serial.LineReceiver;
import org.hexproof.bridge.tasks.SerialExecutor;

/**
 * A serial line between a driver (host end) and a module emulator (module end) inside one JVM: what
 * the devnet uses instead of a socat pseudo-terminal pair. Each end receives on an ordered executor
 * over a pool shared by every link, as a pty's reader thread would deliver: lines arrive in the
 * order they were written, one at a time, and a receiver never runs inside the writer's {@code
 * writeLine} call. Receivers must not block (both ends' receivers only queue their work), since
 * they share the pool's few threads with every other link.
 */
public final class InProcessLink implements AutoCloseable {
  private final String name;
  private final End host;
  private final End module;

  /**
   * A new link.
   *
   * @param name names the link in logs
   * @param pool delivers lines, shared with other links; must never run a task on the caller's
   *     thread (a thread pool, not a direct executor). The caller owns it.
   */
  public InProcessLink(String name, Executor pool) {
    this.name = Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pool, "pool");
    host = new End(name + "-host", pool);
    module = new End(name + "-module", pool);
    host.peer = module;
    module.peer = host;
  }

  /** Opens the driver's end. */
  public LineChannelOpener hostEnd() {
    return host;
  }

  /** Opens the emulator's end. */
  public LineChannelOpener moduleEnd() {
    return module;
  }

  /** Stops both directions: lines not delivered yet are lost, as on an unplugged cable. */
  @Override
  public void close() {
    host.delivery.close();
    module.delivery.close();
  }

  @Override
  public String toString() {
    return "InProcessLink[" + name + "]";
  }

  private static final class End implements LineChannelOpener {
    private final SerialExecutor delivery;
    private volatile End peer;
    private volatile LineReceiver receiver;

    End(String name, Executor pool) {
      delivery = new SerialExecutor(name, pool);
    }

    @Override
    public LineChannel open(LineReceiver lineReceiver) {
      receiver = lineReceiver;
      return new LineChannel() {
        private volatile boolean open = true;

        @Override
        public void writeLine(String line) {
          if (!open) {
            throw new LinkDownException("in-process link closed");
          }
          peer.deliver(line);
        }

        @Override
        public void close() {
          open = false;
        }
      };
    }

    void deliver(String line) {
      try {
        delivery.execute(
            () -> {
              LineReceiver r = receiver;
              if (r != null) {
                r.onLine(line);
              }
            });
      } catch (RejectedExecutionException e) {
        // closed: the line is lost, as on an unplugged cable
      }
    }
  }
}
