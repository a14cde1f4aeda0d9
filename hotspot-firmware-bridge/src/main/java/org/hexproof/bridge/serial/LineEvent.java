package org.hexproof.bridge.serial;

import java.time.Instant;
import java.util.Objects;

/**
 * A line that arrived outside any command's reply, such as {@code +EVT:RXP2P:-28:5:AABB}.
 *
 * @param text the line without CR LF
 * @param receivedAt when the reader thread framed it, from the line's injected clock
 */
public record LineEvent(String text, Instant receivedAt) {
  /** Validates. */
  public LineEvent {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
