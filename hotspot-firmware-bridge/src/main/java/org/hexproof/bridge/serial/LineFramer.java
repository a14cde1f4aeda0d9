package org.hexproof.bridge.serial;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a byte stream that arrives in arbitrary chunks into lines. A line ends at LF; every CR is
 * dropped, so CR LF, a bare LF, a doubled CR before LF (ESP-AT echoes {@code AT\r\r\n}) and a stray
 * CR inside a line all give the clean text. Bytes map to chars one to one (ISO-8859-1), which keeps
 * every AT dialect's ASCII intact. Not thread-safe: one reader feeds it.
 */
public final class LineFramer {
  /** Longest line kept, in bytes; ESP-AT's longest replies are a few hundred bytes. */
  public static final int MAX_LINE_BYTES = 4096;

  private final StringBuilder current = new StringBuilder();
  private boolean discarding;

  /**
   * Feeds {@code length} bytes from {@code chunk} and returns the lines they complete, in order. A
   * line longer than {@link #MAX_LINE_BYTES} is dropped whole, up to its LF.
   */
  public List<String> accept(byte[] chunk, int length) {
    List<String> lines = new ArrayList<>();
    String text = new String(chunk, 0, length, StandardCharsets.ISO_8859_1);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (!discarding) {
          lines.add(current.toString());
        }
        current.setLength(0);
        discarding = false;
      } else if (c != '\r' && !discarding) {
        current.append(c);
        if (current.length() > MAX_LINE_BYTES) {
          current.setLength(0);
          discarding = true;
        }
      }
    }
    return lines;
  }

  /** Feeds a whole array. */
  public List<String> accept(byte[] chunk) {
    return accept(chunk, chunk.length);
  }

  /** Bytes held for a line not yet ended. */
  public int pendingBytes() {
    return current.length();
  }
}
