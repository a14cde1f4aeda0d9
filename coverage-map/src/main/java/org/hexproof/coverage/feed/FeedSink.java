package org.hexproof.coverage.feed;

/** Where translated pages go: storage and the in-memory model, the cursor with them. */
public interface FeedSink {
  /**
   * The last feed id whose effects are stored.
   *
   * @return the cursor, ≥ 0
   */
  long cursor();

  /**
   * Stores a page's events and its new cursor atomically, then applies them in memory. Throws
   * (infrastructure failure) when nothing was stored; the consumer then retries the same page.
   *
   * @param update the page, whose {@link PageUpdate#after()} equals {@link #cursor()}
   */
  void accept(PageUpdate update);

  /** Called on every pass of the loop, also when caught up or backing off (periodic work). */
  void tick();
}
