package org.hexproof.coverage.feed;

/**
 * A feed page that breaks the contract as a whole (ids not increasing, not after the cursor,
 * undecodable JSON). The page is not applied and the consumer retries with back-off: the cursor
 * never moves past something it could not read.
 */
public final class MalformedFeedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was expected and what arrived
   */
  public MalformedFeedException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what was expected and what arrived
   * @param cause the decoder's failure
   */
  public MalformedFeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
