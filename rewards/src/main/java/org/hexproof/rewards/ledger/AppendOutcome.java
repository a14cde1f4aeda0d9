package org.hexproof.rewards.ledger;

import java.util.Objects;

/** What {@link Ledger#append} did with an entry. Only {@link Appended} changes the ledger. */
public sealed interface AppendOutcome
    permits AppendOutcome.Appended, AppendOutcome.AlreadyMinted, AppendOutcome.Rejected {

  /**
   * The entry is now the ledger's last.
   *
   * @param entry the stored entry; not null
   */
  record Appended(LedgerEntry entry) implements AppendOutcome {
    /** Validates the part. */
    public Appended {
      Objects.requireNonNull(entry, "entry");
    }
  }

  /**
   * The epoch already has an entry; the ledger is unchanged. A rerun of the same mint gets this
   * with {@code identical} true and can treat it as done (each epoch has one commit point).
   *
   * @param epochIndex the epoch
   * @param existingSequence the sequence of the entry that minted it
   * @param identical true if the existing entry's manifest is byte for byte the offered one
   */
  record AlreadyMinted(long epochIndex, long existingSequence, boolean identical)
      implements AppendOutcome {}

  /**
   * The entry is not a valid next mint; the ledger is unchanged.
   *
   * @param fault the first rule it broke; not null
   */
  record Rejected(EntryFault fault) implements AppendOutcome {
    /** Validates the part. */
    public Rejected {
      Objects.requireNonNull(fault, "fault");
    }
  }
}
