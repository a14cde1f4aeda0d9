package org.hexproof.rewards.store;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.ledger.Balances;
import org.hexproof.rewards.ledger.RewardLeaf;
import org.hexproof.support.db.Sql;

/**
 * Everything epoch close keeps next to the ledger: the {@code next_epoch} marker, each closed
 * epoch's accounting and per-hotspot shares, and the cumulative balances. The writes take the
 * transaction's handle: they commit with the ledger entry or not at all.
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
   * The marker row.
   *
   * @param nextEpoch the next epoch to close
   * @param epochLength the epoch length the index counts in
   */
  public record Marker(long nextEpoch, Duration epochLength) {}

  /**
   * The marker, read without a lock.
   *
   * @return it, or empty before the first epoch was chosen
   */
  public Optional<Marker> marker() {
    return sql.queryOne(
        "SELECT next_epoch, epoch_length_ms FROM rewards.epoch_marker WHERE id = 1",
        r ->
            new Marker(
                r.get("next_epoch", Long.class),
                Duration.ofMillis(r.get("epoch_length_ms", Long.class))));
  }

  /**
   * Sets the first epoch to close, unless another process already did.
   *
   * @param firstEpoch the epoch index, ≥ 0
   * @param epochLength the epoch length; whole milliseconds
   */
  public void initMarker(long firstEpoch, Duration epochLength) {
    sql.update(
        "INSERT INTO rewards.epoch_marker (id, next_epoch, epoch_length_ms) VALUES (1, $1, $2)"
            + " ON CONFLICT (id) DO NOTHING",
        firstEpoch,
        epochLength.toMillis());
  }

  /**
   * Reads the marker and locks it until the transaction ends: closers on other connections wait.
   *
   * @param h the transaction; not null
   * @return the next epoch to close
   * @throws IllegalStateException if there is no marker
   */
  public static long lockMarker(Sql.Handle h) {
    return h.queryOne(
            "SELECT next_epoch FROM rewards.epoch_marker WHERE id = 1 FOR UPDATE",
            r -> r.get(0, Long.class))
        .orElseThrow(() -> new IllegalStateException("rewards.epoch_marker has no row"));
  }

  /**
   * Moves the marker.
   *
   * @param h the transaction holding the marker's lock; not null
   * @param nextEpoch the new next epoch
   */
  public static void advanceMarker(Sql.Handle h, long nextEpoch) {
    h.update("UPDATE rewards.epoch_marker SET next_epoch = $1 WHERE id = 1", nextEpoch);
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
   * Records a closed epoch next to its just-appended ledger entry: accounting, per-hotspot shares,
   * and the leaves added to the cumulative balances.
   *
   * @param h the transaction that appended the entry; not null
   * @param epoch the epoch index
   * @param sequence the entry's sequence
   * @param accounting the epoch's accounting; not null
   * @param shares every hotspot with shares in the epoch; not null
   * @param leaves the entry's leaves; not null
   */
  public static void recordClose(
      Sql.Handle h,
      long epoch,
      long sequence,
      Accounting accounting,
      List<HotspotEpochShares> shares,
      List<RewardLeaf> leaves) {
    h.update(
        "UPDATE rewards.ledger_entries SET emission = $2, operations = $3, oracles = $4,"
            + " not_handled = $5 WHERE sequence = $1",
        sequence,
        accounting.emission().baseUnits(),
        accounting.operations().baseUnits(),
        accounting.oracles().baseUnits(),
        accounting.notHandled().baseUnits());
    for (int from = 0; from < shares.size(); from += PostgresLedgerStore.BATCH) {
      List<HotspotEpochShares> part =
          shares.subList(from, Math.min(shares.size(), from + PostgresLedgerStore.BATCH));
      int n = part.size();
      String[] hotspots = new String[n];
      String[] owners = new String[n];
      String[] beaconShares = new String[n];
      String[] witnessShares = new String[n];
      Long[] dc = new Long[n];
      Integer[] beacons = new Integer[n];
      Integer[] witnesses = new Integer[n];
      for (int i = 0; i < n; i++) {
        HotspotEpochShares s = part.get(i);
        hotspots[i] = s.hotspot().toBase58();
        owners[i] = s.owner().toBase58();
        beaconShares[i] = s.beaconShares().toPlainString();
        witnessShares[i] = s.witnessShares().toPlainString();
        dc[i] = s.dcTransferred();
        beacons[i] = s.beacons();
        witnesses[i] = s.witnesses();
      }
      h.update(
          "INSERT INTO rewards.epoch_hotspots (epoch, hotspot, owner, beacon_shares,"
              + " witness_shares, dc_transferred, beacons, witnesses)"
              + " SELECT $1::bigint, u.h, u.o, u.b::numeric, u.w::numeric, u.d, u.nb, u.nw"
              + " FROM unnest(string_to_array($2, ','), string_to_array($3, ','),"
              + " string_to_array($4, ','), string_to_array($5, ','),"
              + " string_to_array($6, ',')::bigint[], string_to_array($7, ',')::integer[],"
              + " string_to_array($8, ',')::integer[]) AS u (h, o, b, w, d, nb, nw)",
          epoch,
          PostgresLedgerStore.joined(hotspots),
          PostgresLedgerStore.joined(owners),
          PostgresLedgerStore.joined(beaconShares),
          PostgresLedgerStore.joined(witnessShares),
          PostgresLedgerStore.joined(dc),
          PostgresLedgerStore.joined(beacons),
          PostgresLedgerStore.joined(witnesses));
    }
    // One upsert row per key: ON CONFLICT cannot touch a row twice in one statement, and an
    // owner usually has several hotspots.
    Map<PublicKey, Long> wallets = new LinkedHashMap<>();
    Map<PublicKey, Long> hotspotTotals = new LinkedHashMap<>();
    for (RewardLeaf leaf : leaves) {
      wallets.merge(leaf.owner(), leaf.total().baseUnits(), Math::addExact);
      hotspotTotals.merge(leaf.hotspot(), leaf.total().baseUnits(), Math::addExact);
    }
    add(h, "wallet_balances", "wallet", wallets, epoch);
    add(h, "hotspot_balances", "hotspot", hotspotTotals, epoch);
  }

  private static void add(
      Sql.Handle h, String table, String column, Map<PublicKey, Long> amounts, long epoch) {
    List<Map.Entry<PublicKey, Long>> all = new ArrayList<>(amounts.entrySet());
    for (int from = 0; from < all.size(); from += PostgresLedgerStore.BATCH) {
      List<Map.Entry<PublicKey, Long>> part =
          all.subList(from, Math.min(all.size(), from + PostgresLedgerStore.BATCH));
      String[] keys = new String[part.size()];
      Long[] values = new Long[part.size()];
      for (int i = 0; i < part.size(); i++) {
        keys[i] = part.get(i).getKey().toBase58();
        values[i] = part.get(i).getValue();
      }
      h.update(
          "INSERT INTO rewards."
              + table
              + " ("
              + column
              + ", amount, last_epoch) SELECT u.k, u.a, $3::bigint FROM"
              + " unnest(string_to_array($1, ','), string_to_array($2, ',')::bigint[])"
              + " AS u (k, a) ON CONFLICT ("
              + column
              + ") DO UPDATE SET amount = rewards."
              + table
              + ".amount + EXCLUDED.amount, last_epoch = EXCLUDED.last_epoch",
          PostgresLedgerStore.joined(keys),
          PostgresLedgerStore.joined(values),
          epoch);
    }
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
   * A hotspot's shares and PoC counts in a closed epoch.
   *
   * @param epoch the epoch index
   * @param hotspot the hotspot; not null
   * @return them, or empty if the hotspot had no shares in that epoch or it is not closed
   */
  public Optional<HotspotEpochShares> hotspotShares(long epoch, PublicKey hotspot) {
    return sql.queryOne(
        "SELECT owner, beacon_shares, witness_shares, dc_transferred, beacons, witnesses"
            + " FROM rewards.epoch_hotspots WHERE epoch = $1 AND hotspot = $2",
        r ->
            new HotspotEpochShares(
                hotspot,
                PublicKey.fromBase58(r.get("owner", String.class)),
                r.get("beacon_shares", BigDecimal.class),
                r.get("witness_shares", BigDecimal.class),
                r.get("dc_transferred", Long.class),
                r.get("beacons", Integer.class),
                r.get("witnesses", Integer.class)),
        epoch,
        hotspot.toBase58());
  }

  /** One minted epoch's rewards of one hotspot, base units. */
  public record HotspotEpochReward(
      long epoch, long beacon, long witness, long dataTransfer, long total) {}

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
            "SELECT e.epoch, l.beacon, l.witness, l.data_transfer"
                + " FROM rewards.ledger_leaves l JOIN rewards.ledger_entries e"
                + " ON e.sequence = l.sequence WHERE l.hotspot = $1"
                + " ORDER BY e.epoch DESC LIMIT $2",
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
