package org.hexproof.rewards.close;

import java.time.Instant;
import java.util.Optional;
import org.hexproof.rewards.ledger.LedgerEntry;

/** What one {@link EpochCloser#closeNext()} did. */
public sealed interface CloseOutcome
    permits CloseOutcome.NotReady,
        CloseOutcome.Minted,
        CloseOutcome.AlreadyMinted,
        CloseOutcome.AwaitingSignatures,
        CloseOutcome.Conflict {

  /**
   * The next epoch cannot close yet; nothing was written.
   *
   * @param epoch the next epoch, or -1 if none is chosen yet (no shares stored)
   * @param watermark the feed watermark, empty if none was read yet
   * @param needed the watermark the epoch needs (its end plus the offset); null if no epoch
   */
  record NotReady(long epoch, Optional<Instant> watermark, Instant needed)
      implements CloseOutcome {}

  /**
   * This call minted the epoch and advanced the marker.
   *
   * @param entry the appended entry
   */
  record Minted(LedgerEntry entry) implements CloseOutcome {}

  /**
   * The epoch was already minted (by an earlier run or another instance) with exactly the manifest
   * this run computed; the marker is past it.
   *
   * @param epoch the epoch
   * @param sequence the existing entry's sequence
   */
  record AlreadyMinted(long epoch, long sequence) implements CloseOutcome {}

  /**
   * The epoch is ready and this closer stored its partial signature over the manifest it computed,
   * but fewer than the threshold of distinct configured oracles have signed that identical manifest
   * yet; nothing else was written. Another instance (or this one, later) mints once k have signed.
   *
   * @param epoch the epoch
   * @param manifestHash the hash this closer signed
   * @param signers distinct configured oracles with a valid signature over that hash, ≥ 0
   * @param threshold k
   */
  record AwaitingSignatures(long epoch, byte[] manifestHash, int signers, int threshold)
      implements CloseOutcome {
    /**
     * Copies the hash.
     *
     * @throws NullPointerException if the hash is null
     */
    public AwaitingSignatures {
      manifestHash = manifestHash.clone();
    }

    @Override
    public byte[] manifestHash() {
      return manifestHash.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof AwaitingSignatures that
          && epoch == that.epoch
          && java.util.Arrays.equals(manifestHash, that.manifestHash)
          && signers == that.signers
          && threshold == that.threshold;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(
          epoch, java.util.Arrays.hashCode(manifestHash), signers, threshold);
    }

    @Override
    public String toString() {
      return "AwaitingSignatures[epoch="
          + epoch
          + ", signers="
          + signers
          + ", threshold="
          + threshold
          + "]";
    }
  }

  /**
   * The ledger holds a different manifest for the epoch than this run computes, or refused the
   * entry: an alarm. The closer stops closing epochs until an operator looks.
   *
   * @param epoch the epoch
   * @param detail what differs
   */
  record Conflict(long epoch, String detail) implements CloseOutcome {}
}
