package org.hexproof.rewards.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.rewards.ledger.Balances;
import org.hexproof.rewards.ledger.FaultReason;
import org.hexproof.rewards.ledger.Ledger;
import org.hexproof.rewards.ledger.LedgerEntry;
import org.hexproof.rewards.ledger.LedgerVerification;
import org.hexproof.rewards.ledger.OracleQuorum;
import org.hexproof.rewards.ledger.RewardLeaf;
import org.hexproof.support.db.Sql;

/**
 * Re-checks the whole stored ledger from genesis, as {@code hexproof ledger verify} reports it:
 * every row parses; {@link Ledger#verify(Balances)} (sequence, hash chain, epoch order, signatures,
 * quorum, Merkle root, leaf count, total, and the balance tables against the sum of the mints); the
 * balance tables' last epochs against the mints; and the key columns stored next to the manifest
 * bytes (sequence, epoch, hash) agree with them.
 */
public final class LedgerAudit {
  private LedgerAudit() {}

  /**
   * The audit's answer.
   *
   * @param entries entries read
   * @param balances balances recomputed from the mints, when the chain verified
   * @param firstBad the first bad entry, empty when sound
   */
  public record Result(long entries, Optional<Balances> balances, Optional<BadEntry> firstBad) {
    /**
     * Tells whether the ledger is sound.
     *
     * @return true when no entry is bad
     */
    public boolean sound() {
      return firstBad.isEmpty();
    }
  }

  /**
   * The first bad entry.
   *
   * @param sequence its position (sequence column)
   * @param epoch its epoch column, -1 if unknown
   * @param reason a stable reason name: a {@link FaultReason} or {@code UNREADABLE}, {@code
   *     COLUMN_MISMATCH}
   * @param detail what was expected and found
   */
  public record BadEntry(long sequence, long epoch, String reason, String detail) {}

  /**
   * Runs the audit.
   *
   * @param sql the rewards database; not null
   * @param quorum the oracles trusted to sign; not null
   * @return the result
   */
  public static Result run(Sql sql, OracleQuorum quorum) {
    Objects.requireNonNull(quorum, "quorum");
    PostgresLedgerStore store = new PostgresLedgerStore(Objects.requireNonNull(sql, "sql"));
    List<PostgresLedgerStore.StoredColumns> columns = store.storedColumns();
    List<LedgerEntry> entries;
    try {
      entries = store.readAll();
    } catch (UnreadableEntryException e) {
      return bad(columns.size(), columns, e.sequence(), "UNREADABLE", e.getMessage());
    }
    Optional<BadEntry> columnFault = Optional.empty();
    for (int i = 0; i < entries.size(); i++) {
      LedgerEntry entry = entries.get(i);
      PostgresLedgerStore.StoredColumns c = columns.get(i);
      if (c.sequence() != entry.sequence()
          || c.epoch() != entry.epochIndex()
          || !Arrays.equals(c.manifestHash(), entry.hash())) {
        columnFault =
            Optional.of(
                new BadEntry(
                    c.sequence(),
                    c.epoch(),
                    "COLUMN_MISMATCH",
                    "stored sequence, epoch or manifest_hash ("
                        + c.sequence()
                        + ", "
                        + c.epoch()
                        + ") disagree with the manifest bytes ("
                        + entry.sequence()
                        + ", "
                        + entry.epochIndex()
                        + ")"));
        break;
      }
    }
    Balances claimed;
    try {
      claimed = new EpochStore(sql).claimedBalances();
    } catch (IllegalArgumentException e) {
      claimed = null;
    }
    Ledger ledger = new Ledger(quorum, store);
    LedgerVerification verification = claimed == null ? ledger.verify() : ledger.verify(claimed);
    Optional<BadEntry> chainFault = Optional.empty();
    if (verification instanceof LedgerVerification.Broken broken) {
      long position = broken.sequence();
      chainFault =
          Optional.of(
              new BadEntry(
                  position < columns.size() ? columns.get((int) position).sequence() : position,
                  position < columns.size() ? columns.get((int) position).epoch() : -1,
                  broken.fault().reason().name(),
                  broken.fault().detail()));
    } else if (claimed == null) {
      chainFault =
          Optional.of(
              new BadEntry(
                  Math.max(0, entries.size() - 1),
                  -1,
                  FaultReason.BALANCE_MISMATCH.name(),
                  "a balance table holds a key that is not a valid public key"));
    }
    if (chainFault.isEmpty() && !entries.isEmpty()) {
      chainFault = lastEpochFault(sql, entries);
    }
    Optional<BadEntry> first = earlier(columnFault, chainFault);
    Optional<Balances> balances =
        verification instanceof LedgerVerification.Verified v
            ? Optional.of(v.balances())
            : Optional.empty();
    return new Result(entries.size(), balances, first);
  }

  /**
   * The wallet balances' {@code last_epoch}: for every wallet, the last epoch whose mint has a leaf
   * it owns. The amounts are checked by {@link Ledger#verify(Balances)}; this column is served too
   * ({@code /v1/rewards/wallets/{key}}), so a change to it is named. Hotspot balances are a view
   * over the leaves (V3__close_throughput.sql), so they hold nothing of their own to change.
   */
  private static Optional<BadEntry> lastEpochFault(Sql sql, List<LedgerEntry> entries) {
    Map<String, Long> wallets = new HashMap<>();
    for (LedgerEntry entry : entries) {
      for (RewardLeaf leaf : entry.leaves()) {
        wallets.merge(leaf.owner().toBase58(), entry.epochIndex(), Math::max);
      }
    }
    LedgerEntry last = entries.get(entries.size() - 1);
    for (var row :
        sql.query(
            "SELECT wallet, last_epoch FROM rewards.wallet_balances",
            r -> Map.entry(r.get(0, String.class), r.get(1, Long.class)))) {
      Long expected = wallets.get(row.getKey());
      if (!row.getValue().equals(expected)) {
        return Optional.of(
            new BadEntry(
                last.sequence(),
                last.epochIndex(),
                FaultReason.BALANCE_MISMATCH.name(),
                "wallet "
                    + row.getKey()
                    + ": stored last_epoch "
                    + row.getValue()
                    + ", the mints say "
                    + expected));
      }
    }
    return Optional.empty();
  }

  private static Optional<BadEntry> earlier(Optional<BadEntry> a, Optional<BadEntry> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().sequence() < b.get().sequence() ? a : b; // a tie: the chain fault says more
  }

  private static Result bad(
      long entries,
      List<PostgresLedgerStore.StoredColumns> columns,
      long sequence,
      String reason,
      String detail) {
    long epoch =
        columns.stream()
            .filter(c -> c.sequence() == sequence)
            .mapToLong(PostgresLedgerStore.StoredColumns::epoch)
            .findFirst()
            .orElse(-1);
    return new Result(
        entries, Optional.empty(), Optional.of(new BadEntry(sequence, epoch, reason, detail)));
  }
}
