package org.hexproof.benchmarks;

import java.util.SplittableRandom;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.rewards.store.EpochStore;
import org.hexproof.support.db.Sql;

/**
 * After the close: a hotspot owner's reward history ({@link EpochStore#hotspotHistory}, what {@code
 * GET /v1/rewards/hotspots/{key}/epochs} serves) for random hotspots, beside the floor of the same
 * round trip, one leaf read by its primary key (sequence, hotspot).
 *
 * @param count look-ups of each kind
 * @param historyMicros mean time of one history look-up, µs
 * @param primaryKeyMicros mean time of one primary-key leaf read, µs
 */
record HistoryLookups(int count, double historyMicros, double primaryKeyMicros) {
  private static final int COUNT = 200;

  static HistoryLookups measure(Sql sql, String[] hotspots, SplittableRandom random) {
    EpochStore store = new EpochStore(sql);
    long sequence =
        sql.queryOne("SELECT max(sequence) FROM rewards.ledger_entries", r -> r.get(0, Long.class))
            .orElseThrow();
    String[] picked = new String[COUNT];
    for (int i = 0; i < COUNT; i++) {
      picked[i] = hotspots[random.nextInt(hotspots.length)];
    }
    // one round of each first, so that neither pays for the other's cold pages and plans
    for (int i = 0; i < 20; i++) {
      history(store, picked[i]);
      leaf(sql, sequence, picked[i]);
    }
    long h0 = System.nanoTime();
    for (String key : picked) {
      history(store, key);
    }
    double history = (System.nanoTime() - h0) / 1e3 / COUNT;
    long p0 = System.nanoTime();
    for (String key : picked) {
      leaf(sql, sequence, key);
    }
    double primaryKey = (System.nanoTime() - p0) / 1e3 / COUNT;
    return new HistoryLookups(COUNT, history, primaryKey);
  }

  private static void history(EpochStore store, String key) {
    if (store.hotspotHistory(PublicKey.fromBase58(key), 30).size() != 1) {
      throw new IllegalStateException("expected one epoch of history for " + key);
    }
  }

  private static void leaf(Sql sql, long sequence, String key) {
    sql.queryOne(
            "SELECT beacon FROM rewards.ledger_leaves WHERE sequence = $1 AND hotspot = $2",
            r -> r.get(0, Long.class),
            sequence,
            key)
        .orElseThrow(() -> new IllegalStateException("no leaf for " + key));
  }

  void print() {
    System.out.printf(
        "%-62s %10.1f µs%n",
        "hotspot reward history look-up (" + String.format("%,d", count) + " random hotspots)",
        historyMicros);
    System.out.printf(
        "%-62s %10.1f µs%n", "  floor: one leaf read by its primary key", primaryKeyMicros);
    System.out.printf(
        "%-62s %10.2f%n",
        "ratio history look-up / primary-key read", historyMicros / primaryKeyMicros);
  }
}
