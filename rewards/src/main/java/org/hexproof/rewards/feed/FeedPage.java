package org.hexproof.rewards.feed;

import java.util.List;
import org.hexproof.rewards.store.ShareRow;

/**
 * One page of the verified-PoC feed, reduced to what rewards keeps.
 *
 * @param entries how many entries the page had; 0 means caught up
 * @param lastId the page's {@code last_id}
 * @param rows the share rows of its valid beacons and selected witnesses with shares &gt; 0
 * @param malformed entries dropped because a field was missing or malformed
 */
public record FeedPage(int entries, long lastId, List<ShareRow> rows, int malformed) {
  /** Copies the rows. */
  public FeedPage {
    rows = List.copyOf(rows);
  }
}
