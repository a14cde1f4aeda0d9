package org.hexproof.rewards.close;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.rewards.ledger.AppendOutcome;
import org.hexproof.rewards.ledger.Ledger;
import org.hexproof.rewards.ledger.LedgerEntry;
import org.hexproof.rewards.ledger.MerkleTree;
import org.hexproof.rewards.ledger.MintManifest;
import org.hexproof.rewards.ledger.OracleSignature;
import org.hexproof.rewards.store.EpochMarker;
import org.hexproof.rewards.store.EpochStore;
import org.hexproof.rewards.store.FeedStore;
import org.hexproof.rewards.store.PostgresLedgerStore;
import org.hexproof.support.db.Sql;

/**
 * What {@link EpochCloser} does inside the one transaction of an epoch's close: it locks the {@code
 * next_epoch} marker row first, reads the epoch's shares, computes the payouts and leaves ({@link
 * EpochLeaves}), and either compares the manifest with the entry already stored for the epoch or
 * signs it and, once the quorum has signed ({@link SignatureCollector}), appends the entry with its
 * leaves and signatures, records the epoch's accounting and advances the marker.
 */
final class CloseTransaction {
  private final CloseSettings settings;
  private final CloseHook hook;
  private final SignatureCollector signatures;

  CloseTransaction(CloseSettings settings, CloseHook hook, SignatureCollector signatures) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.hook = Objects.requireNonNull(hook, "hook");
    this.signatures = Objects.requireNonNull(signatures, "signatures");
  }

  /**
   * Closes {@code epoch} on the transaction's handle; the caller commits.
   *
   * @return {@link CloseOutcome.Minted}, {@link CloseOutcome.AlreadyMinted}, {@link
   *     CloseOutcome.AwaitingSignatures} or {@link CloseOutcome.Conflict}
   */
  CloseOutcome close(Sql.Handle h, Epoch epoch) {
    long next = EpochMarker.lockMarker(h);
    PostgresLedgerStore store = PostgresLedgerStore.bound(h);
    Ledger ledger = new Ledger(settings.quorum(), store);
    EpochLeaves computed = EpochLeaves.compute(FeedStore.epochShares(h, epoch), epoch, settings);

    Optional<LedgerEntry> existing = store.findByEpoch(epoch.index());
    if (existing.isPresent()) {
      MintManifest theirs = existing.get().manifest();
      MintManifest ours =
          MintManifest.forEpoch(
              theirs.sequence(),
              epoch,
              MerkleTree.of(computed.leaves()),
              computed.payout().unallocated(),
              theirs.previousHash());
      if (!Arrays.equals(ours.canonicalBytes(), theirs.canonicalBytes())) {
        return new CloseOutcome.Conflict(
            epoch.index(), "stored manifest " + theirs + " differs from recomputed " + ours);
      }
      if (next == epoch.index()) {
        EpochMarker.advanceMarker(h, epoch.index() + 1);
      }
      return new CloseOutcome.AlreadyMinted(epoch.index(), theirs.sequence());
    }
    if (next != epoch.index()) {
      return new CloseOutcome.Conflict(
          epoch.index(), "the marker is at epoch " + next + " but epoch has no ledger entry");
    }
    MintManifest manifest =
        ledger.nextManifest(epoch, computed.leaves(), computed.payout().unallocated());
    Optional<List<OracleSignature>> quorate = signatures.collect(h, manifest);
    if (quorate.isEmpty()) {
      byte[] hash = manifest.hash();
      int signers = signatures.validSigners(h, manifest, hash);
      return new CloseOutcome.AwaitingSignatures(
          epoch.index(), hash, signers, settings.quorum().threshold());
    }
    LedgerEntry entry = new LedgerEntry(manifest, quorate.get(), computed.leaves());
    AppendOutcome appended = ledger.append(entry);
    if (appended instanceof AppendOutcome.Rejected rejected) {
      return new CloseOutcome.Conflict(
          epoch.index(),
          "the ledger refused the entry: "
              + rejected.fault().reason()
              + ": "
              + rejected.fault().detail());
    }
    if (!(appended instanceof AppendOutcome.Appended)) {
      return new CloseOutcome.Conflict(epoch.index(), "unexpected append outcome " + appended);
    }
    EpochStore.recordClose(
        h,
        epoch.index(),
        entry.sequence(),
        new EpochStore.Accounting(
            computed.payout().pools().emission(),
            computed.payout().operations(),
            computed.payout().oracles(),
            computed.payout().pools().notHandled()));
    hook.reached(CloseStep.AFTER_LEDGER_INSERT);
    EpochMarker.advanceMarker(h, epoch.index() + 1);
    return new CloseOutcome.Minted(entry);
  }
}
