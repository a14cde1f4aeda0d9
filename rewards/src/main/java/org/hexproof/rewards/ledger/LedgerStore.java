package org.hexproof.rewards.ledger;

import java.util.List;
import java.util.Optional;

/**
 * Storage of ledger entries in sequence order. A store keeps what it is given: checking that an
 * entry is a valid mint is {@link Ledger}'s job, and {@link Ledger#verify()} re-checks what a store
 * returns. A store does enforce, atomically, that sequence numbers and epochs are unique (in
 * PostgreSQL: primary key on the sequence, unique constraint on the epoch), so that two writers
 * cannot both mint one epoch.
 */
public interface LedgerStore {

  /**
   * Stores an entry after the current last one.
   *
   * @param entry the entry; not null; its sequence must equal {@link #size()}
   * @throws LedgerConflictException if the sequence is not the next one or the epoch already has an
   *     entry
   */
  void append(LedgerEntry entry);

  /**
   * All entries from genesis, in sequence order.
   *
   * @return an unmodifiable list, empty for an empty ledger
   */
  List<LedgerEntry> readAll();

  /**
   * The last entry.
   *
   * @return the entry with the highest sequence, or empty for an empty ledger
   */
  Optional<LedgerEntry> latest();

  /**
   * The last entry's manifest only: what the next entry's sequence, previous hash and rules need.
   * Stores holding large entries override it so that a close does not read the previous epoch's
   * leaves back.
   *
   * @return it, or empty for an empty ledger
   */
  default Optional<MintManifest> latestManifest() {
    return latest().map(LedgerEntry::manifest);
  }

  /**
   * The entry of an epoch.
   *
   * @param epochIndex an epoch index
   * @return the entry minting that epoch, or empty if none does
   */
  Optional<LedgerEntry> findByEpoch(long epochIndex);

  /**
   * The number of entries.
   *
   * @return n ≥ 0; the next entry's sequence
   */
  long size();
}
