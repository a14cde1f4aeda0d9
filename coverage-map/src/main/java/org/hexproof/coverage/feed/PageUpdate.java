package org.hexproof.coverage.feed;

import java.util.List;

/**
 * What one feed page changes: its events in feed order and where the cursor moves.
 *
 * @param after the cursor the page was asked for
 * @param lastId the cursor after this page (≥ {@code after})
 * @param entries entries read
 * @param skipped entries or witnesses dropped as malformed (logged and counted, never retried)
 * @param events the facts, in feed order; unmodifiable
 */
public record PageUpdate(
    long after, long lastId, int entries, int skipped, List<FeedEvent> events) {
  /** Validates and copies. */
  public PageUpdate {
    if (lastId < after) {
      throw new IllegalArgumentException("lastId: expected ≥ after (" + after + "), got " + lastId);
    }
    events = List.copyOf(events);
  }
}
