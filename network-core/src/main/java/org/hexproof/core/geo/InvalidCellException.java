package org.hexproof.core.geo;

/**
 * Thrown at the boundary when a string or {@code long} is not a valid H3 cell index. The message
 * says what was expected and what arrived.
 */
public final class InvalidCellException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String input;

  InvalidCellException(String input, String message) {
    super(message);
    this.input = input;
  }

  /**
   * Returns the rejected input as it arrived (a string as given, or a {@code long} in decimal).
   *
   * @return the rejected input, never null
   */
  public String input() {
    return input;
  }
}
