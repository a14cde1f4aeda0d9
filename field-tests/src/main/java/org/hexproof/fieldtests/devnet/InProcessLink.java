package org.hexproof.fieldtests.devnet;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.serial.LineChannel;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.bridge.serial.LineReceiver;

/**
 * A serial line between a driver (host end) and a module emulator (module end) inside one JVM: what
 * the devnet uses instead of a socat pseudo-terminal pair. Each direction has its own delivery
 * thread, as a pty's reader thread would be, so a receiver never runs on the writer's thread.
 */
public final class InProcessLink implements AutoCloseable {
  private final End host;
  private final End module;

  /** A new link; {@code name} names its threads. */
  public InProcessLink(String name) {
    host = new End(name + "-host");
    module = new End(name + "-module");
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

  @Override
  public void close() {
    host.shutdown();
    module.shutdown();
  }

  private static final class End implements LineChannelOpener {
    private final ExecutorService delivery;
    private volatile End peer;
    private volatile LineReceiver receiver;

    End(String name) {
      delivery =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
              });
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

    void shutdown() {
      delivery.shutdownNow();
    }
  }
}
