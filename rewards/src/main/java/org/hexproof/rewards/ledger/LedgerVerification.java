package org.hexproof.rewards.ledger;

import java.util.Objects;

/** The result of re-checking a whole ledger from genesis. */
public sealed interface LedgerVerification
    permits LedgerVerification.Verified, LedgerVerification.Broken {

  /**
   * Tells whether the ledger verified.
   *
   * @return true for {@link Verified}
   */
  default boolean isValid() {
    return this instanceof Verified;
  }

  /**
   * Every entry passed every check.
   *
   * @param entryCount the number of entries checked
   * @param balances the balances recomputed from the mints; not null
   */
  record Verified(long entryCount, Balances balances) implements LedgerVerification {
    /** Validates the part. */
    public Verified {
      Objects.requireNonNull(balances, "balances");
    }
  }

  /**
   * The first bad entry. For {@link FaultReason#BALANCE_MISMATCH} it is the last entry the supplied
   * balance table claims to cover (0 for a table that claims to cover nothing), or the ledger's
   * size if the table claims more entries than the ledger holds.
   *
   * @param sequence the position of the bad entry in storage order, ≥ 0
   * @param fault what is wrong with it; not null
   */
  record Broken(long sequence, EntryFault fault) implements LedgerVerification {
    /** Validates the parts. */
    public Broken {
      Objects.requireNonNull(fault, "fault");
      if (sequence < 0) {
        throw new IllegalArgumentException("sequence: expected ≥ 0, got " + sequence);
      }
    }
  }
}
