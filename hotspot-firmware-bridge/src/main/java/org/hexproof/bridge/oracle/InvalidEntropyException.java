package org.hexproof.bridge.oracle;

/**
 * The oracle's entropy answer cannot be used: not an {@code EntropyReport}, signed by another key
 * than the configured oracle key, or with a bad signature. A beacon must not be built from it.
 */
public class InvalidEntropyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was expected and what arrived
   */
  public InvalidEntropyException(String message) {
    super(message);
  }

  /**
   * @param message what was expected and what arrived
   * @param cause the parse failure
   */
  public InvalidEntropyException(String message, Throwable cause) {
    super(message, cause);
  }
}
