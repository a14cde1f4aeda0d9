package org.hexproof.rewards.feed;

/** The oracle's feed did not answer, or answered something other than the contract. */
public final class FeedUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was asked and what happened
   * @param cause the underlying failure, or null
   */
  public FeedUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
