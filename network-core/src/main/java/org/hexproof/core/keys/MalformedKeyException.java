package org.hexproof.core.keys;

/**
 * Key material, a key's text form or a key file that cannot be parsed. The message says what was
 * expected and what arrived, and never contains secret key bytes.
 *
 * <p>This is malformed input in the sense of the style guide: callers at a boundary (ingest, the
 * launcher reading a key file) catch it, report it and drop the input. It extends {@link
 * IllegalArgumentException} so that code that passes a constant it believes valid need not declare
 * it.
 */
public class MalformedKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was expected and what arrived; not null
   */
  public MalformedKeyException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the underlying parser failure.
   *
   * @param message what was expected and what arrived; not null
   * @param cause the failure reported by the underlying parser
   */
  public MalformedKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
