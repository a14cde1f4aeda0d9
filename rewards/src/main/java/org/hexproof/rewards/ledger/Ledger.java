package org.hexproof.rewards.ledger;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;

/**
 * The append-only mint ledger: one {@link LedgerEntry} per rewarded epoch, hash-chained, each
 * attested by an {@link OracleQuorum}, kept in a {@link LedgerStore}. An entry is appended only if
 * it passes every {@link FaultReason} rule against the current last entry; {@link #verify()}
 * re-runs the same rules over the whole stored chain and names the first bad entry.
 *
 * <p>Pure: no clock and no I/O beyond the store. {@link #append} is synchronized for callers in one
 * process; across processes the store's unique sequence and epoch keep one mint per epoch.
 */
public final class Ledger {
  private final OracleQuorum quorum;
  private final LedgerStore store;

  /**
   * Opens a ledger over a store, without checking what it holds (see {@link #verify()}).
   *
   * @param quorum the oracles whose attestation a mint needs; not null
   * @param store where the entries live; not null
   */
  public Ledger(OracleQuorum quorum, LedgerStore store) {
    this.quorum = Objects.requireNonNull(quorum, "quorum");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Builds the manifest that the next entry, minting {@code epoch}, must carry: the sequence and
   * previous hash follow the current last entry. Oracles sign it with {@link OracleSignature#sign}.
   *
   * @param epoch the epoch to mint; not null
   * @param leaves its rewards, in any order, one per hotspot; not null
   * @param unallocated the part of the epoch's pool no leaf received; not null
   * @return the manifest
   * @throws IllegalArgumentException if two leaves name the same hotspot
   */
  public MintManifest nextManifest(
      Epoch epoch, Collection<RewardLeaf> leaves, TokenAmount unallocated) {
    Optional<MintManifest> latest = store.latestManifest();
    return MintManifest.forEpoch(
        latest.map(m -> m.sequence() + 1).orElse(0L),
        epoch,
        MerkleTree.of(leaves),
        unallocated,
        latest.map(MintManifest::hash).orElse(MintManifest.genesisPreviousHash()));
  }

  /**
   * Appends an entry if it is a valid next mint.
   *
   * @param entry the entry; not null
   * @return {@link AppendOutcome.Appended}; {@link AppendOutcome.AlreadyMinted} if its epoch has an
   *     entry; or {@link AppendOutcome.Rejected} naming the first broken rule
   * @throws LedgerConflictException if another writer took the sequence or epoch meanwhile
   */
  public synchronized AppendOutcome append(LedgerEntry entry) {
    Objects.requireNonNull(entry, "entry");
    Optional<LedgerEntry> existing = store.findByEpoch(entry.epochIndex());
    if (existing.isPresent()) {
      boolean identical = Arrays.equals(existing.get().hash(), entry.hash());
      return new AppendOutcome.AlreadyMinted(
          entry.epochIndex(), existing.get().sequence(), identical);
    }
    Optional<EntryFault> fault = EntryRules.check(store.latestManifest(), entry, quorum);
    if (fault.isPresent()) {
      return new AppendOutcome.Rejected(fault.get());
    }
    store.append(entry);
    return new AppendOutcome.Appended(entry);
  }

  /**
   * Re-checks every stored entry from genesis: sequence, hash chain, epoch order, signatures,
   * quorum, Merkle root, leaf count and total.
   *
   * @return {@link LedgerVerification.Verified} with the recomputed balances, or {@link
   *     LedgerVerification.Broken} naming the first bad entry
   */
  public LedgerVerification verify() {
    List<LedgerEntry> entries = store.readAll();
    Optional<MintManifest> previous = Optional.empty();
    for (int position = 0; position < entries.size(); position++) {
      LedgerEntry entry = entries.get(position);
      Optional<EntryFault> fault = EntryRules.check(previous, entry, quorum);
      if (fault.isPresent()) {
        return new LedgerVerification.Broken(position, fault.get());
      }
      previous = Optional.of(entry.manifest());
    }
    return new LedgerVerification.Verified(entries.size(), Balances.of(entries));
  }

  /**
   * {@link #verify()}, then compares a balance table (for example the one a database keeps up to
   * date) with the sum of the mints of the entries it claims to cover.
   *
   * @param claimed the table to check; not null
   * @return as {@link #verify()}, or {@link LedgerVerification.Broken} with {@link
   *     FaultReason#BALANCE_MISMATCH} naming the first differing wallet or hotspot
   */
  public LedgerVerification verify(Balances claimed) {
    Objects.requireNonNull(claimed, "claimed");
    LedgerVerification chain = verify();
    if (!(chain instanceof LedgerVerification.Verified verified)) {
      return chain;
    }
    if (claimed.entryCount() > verified.entryCount()) {
      return new LedgerVerification.Broken(
          verified.entryCount(),
          new EntryFault(
              FaultReason.BALANCE_MISMATCH,
              "balance table covers "
                  + claimed.entryCount()
                  + " entries, the ledger holds "
                  + verified.entryCount()));
    }
    Balances actual =
        Balances.of(store.readAll().subList(0, Math.toIntExact(claimed.entryCount())));
    Optional<String> difference = actual.firstDifference(claimed);
    if (difference.isPresent()) {
      return new LedgerVerification.Broken(
          Math.max(0, claimed.entryCount() - 1),
          new EntryFault(FaultReason.BALANCE_MISMATCH, difference.get()));
    }
    return chain;
  }

  /**
   * Cumulative balances after every stored entry, summed without re-checking the chain.
   *
   * @return per wallet and per hotspot totals
   */
  public Balances balances() {
    return Balances.of(store.readAll());
  }

  /**
   * A hotspot's inclusion proof in an epoch's mint, to check offline against that entry's {@link
   * MintManifest#merkleRoot()}.
   *
   * @param epochIndex the epoch
   * @param hotspot the hotspot; not null
   * @return the proof, or empty if the epoch has no entry or did not reward the hotspot
   */
  public Optional<MerkleProof> proof(long epochIndex, PublicKey hotspot) {
    Objects.requireNonNull(hotspot, "hotspot");
    return store.findByEpoch(epochIndex).flatMap(e -> MerkleTree.of(e.leaves()).proof(hotspot));
  }

  /**
   * All entries from genesis.
   *
   * @return an unmodifiable list in sequence order
   */
  public List<LedgerEntry> entries() {
    return store.readAll();
  }

  /**
   * The last entry.
   *
   * @return it, or empty for an empty ledger
   */
  public Optional<LedgerEntry> latest() {
    return store.latest();
  }
}
