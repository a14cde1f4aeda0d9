package org.hexproof.bridge.serial;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.hexproof.bridge.radio.LinkDownException;

/** An in-memory {@link LineChannelOpener}: answers writes with a scripted responder. */
final class FakeLink implements LineChannelOpener {
  final List<String> written = new CopyOnWriteArrayList<>();
  final AtomicInteger opens = new AtomicInteger();
  volatile Function<String, List<String>> responder = command -> List.of();
  volatile boolean failWrites;
  volatile boolean failOpens;
  private volatile LineReceiver receiver;

  @Override
  public LineChannel open(LineReceiver r) {
    if (failOpens) {
      throw new LinkDownException("fake: Port not found");
    }
    opens.incrementAndGet();
    receiver = r;
    return new LineChannel() {
      @Override
      public void writeLine(String line) {
        if (failWrites) {
          throw new LinkDownException("fake: Input/output error");
        }
        written.add(line);
        responder.apply(line).forEach(r::onLine);
      }

      @Override
      public void close() {}
    };
  }

  /** Delivers a line as if the module sent it. */
  void push(String line) {
    receiver.onLine(line);
  }

  /** Reports a read failure as the reader thread would. */
  void breakRead() {
    receiver.onLinkDown(new LinkDownException("fake: read failed"));
  }
}
