package org.hexproof.rewards.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link LedgerStore} in a list, for tests, tools and the devnet. Thread-safe.
 *
 * <p>{@link #holding(List)} loads entries without any check, the way a database returns whatever
 * rows it holds; that is how tests build a tampered store for {@link Ledger#verify()}.
 */
public final class InMemoryLedgerStore implements LedgerStore {
  private final List<LedgerEntry> entries;

  /** Creates an empty store. */
  public InMemoryLedgerStore() {
    this.entries = new ArrayList<>();
  }

  private InMemoryLedgerStore(List<LedgerEntry> entries) {
    this.entries = new ArrayList<>(entries);
  }

  /**
   * Creates a store that holds the given entries as they are, unchecked.
   *
   * @param entries the stored entries, in storage order; not null
   * @return the store
   */
  public static InMemoryLedgerStore holding(List<LedgerEntry> entries) {
    return new InMemoryLedgerStore(List.copyOf(entries));
  }

  @Override
  public synchronized void append(LedgerEntry entry) {
    if (entry.sequence() != entries.size()) {
      throw new LedgerConflictException(
          "sequence " + entry.sequence() + " is not the next one, " + entries.size());
    }
    if (findByEpoch(entry.epochIndex()).isPresent()) {
      throw new LedgerConflictException("epoch " + entry.epochIndex() + " already has an entry");
    }
    entries.add(entry);
  }

  @Override
  public synchronized List<LedgerEntry> readAll() {
    return List.copyOf(entries);
  }

  @Override
  public synchronized Optional<LedgerEntry> latest() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  @Override
  public synchronized Optional<LedgerEntry> findByEpoch(long epochIndex) {
    return entries.stream().filter(e -> e.epochIndex() == epochIndex).findFirst();
  }

  @Override
  public synchronized long size() {
    return entries.size();
  }
}
