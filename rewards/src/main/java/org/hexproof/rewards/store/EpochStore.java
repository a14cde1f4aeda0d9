package org.hexproof.rewards.store;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.ledger.Balances;
import org.hexproof.support.db.Sql;

/**
 * What epoch close keeps next to the ledger: each closed epoch's accounting and per-hotspot shares,
 * and the cumulative balances ({@link EpochMarker} keeps which epoch closes next). The writes take
 * the transaction's handle: they commit with the ledger entry or not at all.
 */
public final class EpochStore {
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the database; not null
   */
  public EpochStore(Sql sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  /**
   * The epoch's accounting, not signed: where the rest of the emission went.
   *
   * @param emission E
   * @param operations the operations fund
   * @param oracles the oracles' share
   * @param notHandled the veHNT share and flooring dust
   */
  public record Accounting(
      TokenAmount emission, TokenAmount operations, TokenAmount oracles, TokenAmount notHandled) {}

  /**
   * Records a closed epoch next to its just-appended ledger entry: accounting, and the entry's
   * leaves added to the cumulative wallet balances (one set-based upsert from {@code
   * ledger_leaves}). Hotspot balances are a view over the leaves; per-hotspot shares are derived
   * from {@code poc_shares} when asked for ({@link #hotspotShares}, migration V4).
   *
   * @param h the transaction that appended the entry; not null
   * @param epoch the epoch index
   * @param sequence the entry's sequence
   * @param accounting the epoch's accounting; not null
   */
  public static void recordClose(Sql.Handle h, long epoch, long sequence, Accounting accounting) {
    h.update(
        "UPDATE rewards.ledger_entries SET emission = $2, operations = $3, oracles = $4,"
            + " not_handled = $5 WHERE sequence = $1",
        sequence,
        accounting.emission().baseUnits(),
        accounting.operations().baseUnits(),
        accounting.oracles().baseUnits(),
        accounting.notHandled().baseUnits());
    // one row per wallet: ON CONFLICT cannot touch a row twice in one statement
    h.update(
        "INSERT INTO rewards.wallet_balances (wallet, amount, last_epoch)"
            + " SELECT owner, sum(beacon + witness + data_transfer), $2::bigint"
            + " FROM rewards.ledger_leaves WHERE sequence = $1 GROUP BY owner"
            + " ON CONFLICT (wallet) DO UPDATE SET"
            + " amount = rewards.wallet_balances.amount + EXCLUDED.amount,"
            + " last_epoch = EXCLUDED.last_epoch",
        sequence,
        epoch);
  }

  /**
   * The balance tables as the database claims them, covering every entry (they are written in the
   * entry's transaction).
   *
   * @return the claimed balances
   * @throws IllegalArgumentException if a stored key is not a valid key
   */
  public Balances claimedBalances() {
    return sql.inTransaction(
        h -> {
          long entries =
              h.queryOne("SELECT count(*) FROM rewards.ledger_entries", r -> r.get(0, Long.class))
                  .orElse(0L);
          return new Balances(
              entries,
              table(h, "wallet_balances", "wallet"),
              table(h, "hotspot_balances", "hotspot"));
        });
  }

  private static SortedMap<PublicKey, TokenAmount> table(Sql.Handle h, String table, String key) {
    SortedMap<PublicKey, TokenAmount> out = new TreeMap<>();
    h.query(
        "SELECT " + key + ", amount FROM rewards." + table,
        r -> {
          out.put(
              PublicKey.fromBase58(r.get(0, String.class)), TokenAmount.of(r.get(1, Long.class)));
          return Boolean.TRUE;
        });
    return out;
  }

  /**
   * One closed epoch's accounting.
   *
   * @param epoch the epoch index
   * @return it, or empty if the epoch has no entry
   */
  public Optional<Accounting> accounting(long epoch) {
    return sql.queryOne(
        "SELECT emission, operations, oracles, not_handled FROM rewards.ledger_entries"
            + " WHERE epoch = $1",
        r ->
            new Accounting(
                TokenAmount.of(r.get("emission", Long.class)),
                TokenAmount.of(r.get("operations", Long.class)),
                TokenAmount.of(r.get("oracles", Long.class)),
                TokenAmount.of(r.get("not_handled", Long.class))),
        epoch);
  }

  /**
   * A hotspot's shares and PoC counts in a closed epoch, summed from its {@code poc_shares} rows in
   * the epoch exactly as the close summed them ({@link EpochShares}): the owner is that of its
   * latest row (by receive time, then feed id), data transfer is 0 until packet routing exists.
   *
   * @param epoch the epoch index
   * @param hotspot the hotspot; not null
   * @return them, or empty if the hotspot had no shares in that epoch or it is not closed
   */
  public Optional<HotspotEpochShares> hotspotShares(long epoch, PublicKey hotspot) {
    Objects.requireNonNull(hotspot, "hotspot");
    Optional<Duration> length =
        sql.queryOne(
            "SELECT epoch_length_ms FROM rewards.epoch_marker WHERE id = 1"
                + " AND EXISTS (SELECT 1 FROM rewards.ledger_entries WHERE epoch = $1)",
            r -> Duration.ofMillis(r.get(0, Long.class)),
            epoch);
    if (length.isEmpty()) {
      return Optional.empty();
    }
    Epoch span = new Epoch(epoch, length.get());
    return sql.queryOne(
        "SELECT (array_agg(owner ORDER BY received_at DESC, entry_id DESC))[1],"
            + " COALESCE(sum(shares) FILTER (WHERE role = 'beacon'), 0),"
            + " COALESCE(sum(shares) FILTER (WHERE role = 'witness'), 0),"
            + " count(*) FILTER (WHERE role = 'beacon'),"
            + " count(*) FILTER (WHERE role = 'witness')"
            + " FROM rewards.poc_shares"
            + " WHERE hotspot = $1 AND received_at >= $2 AND received_at < $3"
            + " HAVING count(*) > 0",
        r ->
            new HotspotEpochShares(
                hotspot,
                PublicKey.fromBase58(r.get(0, String.class)),
                r.get(1, BigDecimal.class),
                r.get(2, BigDecimal.class),
                0,
                Math.toIntExact(r.get(3, Long.class)),
                Math.toIntExact(r.get(4, Long.class))),
        hotspot.toBase58(),
        span.start(),
        span.end());
  }

  /** One minted epoch's rewards of one hotspot, base units. */
  public record HotspotEpochReward(
      long epoch, long beacon, long witness, long dataTransfer, long total) {}

  /**
   * One hotspot's leaves, newest epoch first. Each ledger entry's leaf of the hotspot is one probe
   * of the leaves' primary key (sequence, hotspot), so a look-up costs a probe per entry and never
   * a scan of all leaves (benchmarks/RESULTS.md, "Epoch close throughput": 0.4 ms beside 0.2 ms for
   * one primary-key read, after a close of a million hotspots).
   */
  static final String HOTSPOT_HISTORY =
      "SELECT e.epoch, l.beacon, l.witness, l.data_transfer"
          + " FROM rewards.ledger_leaves l JOIN rewards.ledger_entries e"
          + " ON e.sequence = l.sequence WHERE l.hotspot = $1"
          + " ORDER BY e.epoch DESC LIMIT $2";

  /**
   * A hotspot's rewards in the most recent minted epochs that paid it, oldest first.
   *
   * @param hotspot the hotspot; not null
   * @param limit how many epochs at most, 1..1000
   */
  public List<HotspotEpochReward> hotspotHistory(PublicKey hotspot, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit: expected 1..1000, got " + limit);
    }
    List<HotspotEpochReward> newestFirst =
        sql.query(
            HOTSPOT_HISTORY,
            r -> {
              long beacon = r.get("beacon", Long.class);
              long witness = r.get("witness", Long.class);
              long data = r.get("data_transfer", Long.class);
              return new HotspotEpochReward(
                  r.get("epoch", Long.class),
                  beacon,
                  witness,
                  data,
                  Math.addExact(Math.addExact(beacon, witness), data));
            },
            hotspot.toBase58(),
            limit);
    List<HotspotEpochReward> oldestFirst = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  /**
   * A wallet's cumulative balance.
   *
   * @param wallet the wallet; not null
   * @return its balance and the last epoch that paid it, or empty if nothing was ever minted to it
   */
  public Optional<WalletBalance> wallet(PublicKey wallet) {
    return sql.queryOne(
        "SELECT amount, last_epoch FROM rewards.wallet_balances WHERE wallet = $1",
        r ->
            new WalletBalance(
                wallet,
                TokenAmount.of(r.get("amount", Long.class)),
                r.get("last_epoch", Long.class)),
        wallet.toBase58());
  }

  /**
   * A wallet's balance.
   *
   * @param wallet the wallet
   * @param balance cumulative rewards minted to it
   * @param lastEpoch the last epoch that paid it
   */
  public record WalletBalance(PublicKey wallet, TokenAmount balance, long lastEpoch) {}
}
