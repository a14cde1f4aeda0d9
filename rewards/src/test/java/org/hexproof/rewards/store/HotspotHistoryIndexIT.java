package org.hexproof.rewards.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hexproof.rewards.close.RewardsDatabase;
import org.junit.jupiter.api.Test;

/**
 * A hotspot's reward history is read through an index on the leaves' hotspot, not by scanning the
 * leaves of every epoch (migration V5).
 */
class HotspotHistoryIndexIT {
  @Test
  void the_history_query_looks_the_hotspot_up_in_its_index() {
    try (RewardsDatabase db = RewardsDatabase.fresh()) {
      List<String> plan =
          db.sql()
              .inTransaction(
                  h -> {
                    // with empty tables a scan is cheapest; forbid it to see what else there is
                    h.update("SET LOCAL enable_seqscan = off");
                    return h.query(
                        "EXPLAIN " + EpochStore.HOTSPOT_HISTORY,
                        r -> r.get(0, String.class),
                        "14oLTuWm9BT3kDBnG14C6znvFyGTfV1d1HGVjQwgE6rRvqM9t6Q",
                        30);
                  });
      String text = String.join("\n", plan);
      assertThat(text).as(text).contains("ledger_leaves_hotspot");
      assertThat(text).as(text).doesNotContain("Seq Scan on ledger_leaves");
    }
  }
}
