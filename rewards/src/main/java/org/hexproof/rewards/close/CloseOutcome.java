package org.hexproof.rewards.close;

import java.time.Instant;
import java.util.Optional;
import org.hexproof.rewards.ledger.LedgerEntry;

/** What one {@link EpochCloser#closeNext()} did. */
public sealed interface CloseOutcome
    permits CloseOutcome.NotReady,
        CloseOutcome.Minted,
        CloseOutcome.AlreadyMinted,
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
   * The ledger holds a different manifest for the epoch than this run computes, or refused the
   * entry: an alarm. The closer stops closing epochs until an operator looks.
   *
   * @param epoch the epoch
   * @param detail what differs
   */
  record Conflict(long epoch, String detail) implements CloseOutcome {}
}
