package org.hexproof.coverage.feed;

/** The oracle could not be reached or did not answer 200; the consumer backs off and retries. */
public final class FeedUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was tried
   * @param cause the transport failure, or null
   */
  public FeedUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
