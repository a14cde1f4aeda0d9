package org.hexproof.rewards.feed;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.rewards.store.FeedStore;

/**
 * Copies the feed into the rewards database: reads the watermark first, then pages after the stored
 * cursor until the feed is caught up (each page stored with the cursor in one transaction,
 * idempotently), then raises the stored watermark to the one read first. Reading the watermark
 * before the pages is what makes it safe: every beacon received before it was in the feed when it
 * was read, so it is in the pages that follow.
 */
public final class FeedConsumer {
  private final FeedClient client;
  private final FeedStore store;
  private final int pageSize;
  private final AtomicLong entries = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();

  /**
   * Creates a consumer.
   *
   * @param client the feed; not null
   * @param store where rows, cursor and watermark go; not null
   * @param pageSize entries per request, 1..5000
   */
  public FeedConsumer(FeedClient client, FeedStore store, int pageSize) {
    this.client = Objects.requireNonNull(client, "client");
    this.store = Objects.requireNonNull(store, "store");
    if (pageSize < 1 || pageSize > 5000) {
      throw new IllegalArgumentException("pageSize: expected 1..5000, got " + pageSize);
    }
    this.pageSize = pageSize;
  }

  /**
   * Reads the feed to its end once.
   *
   * @return the number of entries read
   * @throws FeedUnavailableException if the oracle is down or off contract (retry later)
   */
  public long catchUp() {
    Instant watermark = client.watermark();
    long cursor = store.cursor();
    long read = 0;
    while (true) {
      FeedPage page = client.page(cursor, pageSize);
      if (page.entries() == 0) {
        break;
      }
      if (page.lastId() <= cursor) {
        throw new FeedUnavailableException(
            "feed page after " + cursor + " had entries but last_id " + page.lastId(), null);
      }
      rows.addAndGet(store.storePage(page.rows(), page.lastId()));
      entries.addAndGet(page.entries());
      malformed.addAndGet(page.malformed());
      read += page.entries();
      cursor = page.lastId();
    }
    store.raiseWatermark(watermark);
    return read;
  }

  /**
   * Entries read since start.
   *
   * @return the count
   */
  public long entriesRead() {
    return entries.get();
  }

  /**
   * Share rows newly stored since start.
   *
   * @return the count
   */
  public long rowsStored() {
    return rows.get();
  }

  /**
   * Entries dropped as malformed since start.
   *
   * @return the count
   */
  public long malformedEntries() {
    return malformed.get();
  }
}
