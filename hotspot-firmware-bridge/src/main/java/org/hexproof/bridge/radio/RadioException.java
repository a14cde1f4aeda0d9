package org.hexproof.bridge.radio;

import java.util.List;
import java.util.Objects;

/**
 * A module answered a command with an error, e.g. {@code AT_PARAM_ERROR}, {@code invalid_param},
 * {@code +TEST: ERROR(-1)} or {@code ERROR}. The message quotes the command and every reply line.
 */
public class RadioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String command;
  private final List<String> reply;

  /**
   * @param command the command line sent, without CR LF
   * @param reply the reply lines, the error status last; not empty
   */
  public RadioException(String command, List<String> reply) {
    super("\"" + command + "\" failed: " + String.join(" | ", reply));
    this.command = Objects.requireNonNull(command, "command");
    this.reply = List.copyOf(reply);
    if (this.reply.isEmpty()) {
      throw new IllegalArgumentException("reply: expected at least the error line");
    }
  }

  /** The command line sent. */
  public String command() {
    return command;
  }

  /** All reply lines, the error status last. */
  public List<String> reply() {
    return reply;
  }

  /** The module's error status as it printed it, e.g. {@code AT_PARAM_ERROR}. */
  public String errorText() {
    return reply.get(reply.size() - 1);
  }
}
