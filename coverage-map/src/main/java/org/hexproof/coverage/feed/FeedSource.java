package org.hexproof.coverage.feed;

/** Where feed pages come from: the oracle over HTTP, or a fake in tests. */
@FunctionalInterface
public interface FeedSource {
  /**
   * Fetches one page.
   *
   * @param after the last id already consumed, ≥ 0
   * @param limit most entries wanted, 1..5000
   * @return the page
   * @throws FeedUnavailableException when the oracle cannot be reached or answers an error
   * @throws MalformedFeedException when the answer cannot be decoded
   */
  FeedPage fetch(long after, int limit);
}
