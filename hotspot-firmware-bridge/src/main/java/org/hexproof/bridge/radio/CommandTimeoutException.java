package org.hexproof.bridge.radio;

import java.time.Duration;
import java.util.List;

/** A module did not finish answering a command in time; the lines it did send are kept. */
public class CommandTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String command;
  private final List<String> partialReply;

  /**
   * @param command the command line sent
   * @param timeout how long the bridge waited
   * @param partialReply the lines received before the timeout; may be empty
   */
  public CommandTimeoutException(String command, Duration timeout, List<String> partialReply) {
    super(
        "\""
            + command
            + "\": no final reply within "
            + timeout.toMillis()
            + " ms"
            + (partialReply.isEmpty() ? "" : " (got " + String.join(" | ", partialReply) + ")"));
    this.command = command;
    this.partialReply = List.copyOf(partialReply);
  }

  /** The command line sent. */
  public String command() {
    return command;
  }

  /** Lines received before the timeout. */
  public List<String> partialReply() {
    return partialReply;
  }
}
