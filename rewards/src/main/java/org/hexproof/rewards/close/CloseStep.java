package org.hexproof.rewards.close;

/**
 * Points of {@link EpochCloser#closeNext()} where a {@link CloseHook} runs; a hook that throws
 * there is what a crash at that point looks like to the database.
 */
public enum CloseStep {
  /** The epoch is ready; nothing is computed or written yet. */
  BEFORE_COMPUTE,
  /** Inside the transaction: the entry, leaves and balances are written, the marker is not. */
  AFTER_LEDGER_INSERT,
  /** The transaction committed; the caller has not been told. */
  AFTER_COMMIT
}
