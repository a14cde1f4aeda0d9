package org.hexproof.bridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hexproof.bridge.serial.LineChannel;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.bridge.serial.LineReceiver;

/** The host side of an in-memory link to an emulator: type commands, read what it printed. */
final class MemoryLink implements LineChannelOpener {
  private final BlockingQueue<String> printed = new LinkedBlockingQueue<>();
  private volatile LineReceiver emulator;

  @Override
  public LineChannel open(LineReceiver receiver) {
    emulator = receiver;
    return new LineChannel() {
      @Override
      public void writeLine(String line) {
        printed.add(line);
      }

      @Override
      public void close() {}
    };
  }

  /** Types {@code command} and returns the next {@code count} printed lines. */
  List<String> send(String command, int count) {
    emulator.onLine(command);
    return next(count);
  }

  /** The next {@code count} printed lines, waiting up to 2 s for each. */
  List<String> next(int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      try {
        String line = printed.poll(2, TimeUnit.SECONDS);
        assertThat(line).as("line %d of %d after %s", i + 1, count, lines).isNotNull();
        lines.add(line);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return lines;
  }

  /** Nothing more was printed within {@code millis}. */
  void assertQuietFor(long millis) throws InterruptedException {
    assertThat(printed.poll(millis, TimeUnit.MILLISECONDS)).isNull();
  }
}
