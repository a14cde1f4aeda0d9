package org.hexproof.coverage.geometry;

/**
 * A query parameter from outside (a bounding box, a resolution, a tile address) that is malformed
 * or too large. The message says what was expected and what arrived; the HTTP layer turns it into a
 * 400. Not an {@link IllegalArgumentException}: those are programming errors and never caught.
 */
public final class InvalidQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The parameter at fault, e.g. {@code "bbox"}. */
  private final String parameter;

  /**
   * Creates the exception.
   *
   * @param parameter the parameter at fault, not null
   * @param message "expected …, got …"
   */
  public InvalidQueryException(String parameter, String message) {
    super(parameter + ": " + message);
    this.parameter = parameter;
  }

  /** The parameter at fault, e.g. {@code "bbox"} or {@code "resolution"}. */
  public String parameter() {
    return parameter;
  }
}
