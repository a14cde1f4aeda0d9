package org.hexproof.bridge.serial;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a {@link SerialLine} must know about a module's command language.
 *
 * @param name for thread names and logs, e.g. "rak3172 /dev/ttyUSB0"
 * @param unsolicited lines that are never part of a command's reply even when they arrive in the
 *     middle of one ({@code +EVT:}, {@code radio_rx}, {@code +TEST: RX}); every line that arrives
 *     while no command is outstanding is unsolicited as well
 * @param pingCommand a harmless command that every state of the module answers, e.g. {@code AT}
 * @param pingFinal recognises the last line of the ping's reply
 */
public record LineDialect(
    String name, Predicate<String> unsolicited, String pingCommand, Predicate<String> pingFinal) {
  /** Validates. */
  public LineDialect {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unsolicited, "unsolicited");
    Objects.requireNonNull(pingCommand, "pingCommand");
    Objects.requireNonNull(pingFinal, "pingFinal");
  }
}
