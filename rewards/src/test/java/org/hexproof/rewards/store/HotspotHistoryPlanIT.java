package org.hexproof.rewards.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hexproof.rewards.close.RewardsDatabase;
import org.junit.jupiter.api.Test;

/**
 * A hotspot's reward history probes the leaves' primary key (sequence, hotspot) per ledger entry;
 * it never scans the leaves of every epoch (a million per epoch).
 */
class HotspotHistoryPlanIT {
  @Test
  void the_history_query_probes_the_primary_key_instead_of_scanning_the_leaves() {
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
      assertThat(text).as(text).contains("ledger_leaves_pkey");
      assertThat(text).as(text).doesNotContain("Seq Scan on ledger_leaves");
    }
  }
}
