package org.hexproof.bridge.daemon;

import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.serial.LineChannel;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.bridge.serial.LineReceiver;

/**
 * A serial line inside the JVM with no thread of its own: a line written at one end is handed to
 * the other end's receiver on the writer's thread. That is safe here because both a {@code
 * SerialLine} and a module emulator hand every received line to their own executor at once.
 */
final class DirectLink {
  private volatile LineReceiver host;
  private volatile LineReceiver module;
  private volatile boolean closed;

  /** The driver's end. */
  LineChannelOpener hostEnd() {
    return receiver -> {
      host = receiver;
      return channel(true);
    };
  }

  /** The emulator's end. */
  LineChannelOpener moduleEnd() {
    return receiver -> {
      module = receiver;
      return channel(false);
    };
  }

  private LineChannel channel(boolean fromHost) {
    return new LineChannel() {
      @Override
      public void writeLine(String line) {
        if (closed) {
          throw new LinkDownException("direct link closed");
        }
        LineReceiver peer = fromHost ? module : host;
        if (peer != null) {
          peer.onLine(line);
        }
      }

      @Override
      public void close() {
        closed = true;
      }
    };
  }
}
