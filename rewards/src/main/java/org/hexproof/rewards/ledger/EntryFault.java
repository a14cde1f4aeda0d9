package org.hexproof.rewards.ledger;

import java.util.Objects;

/**
 * What is wrong with a ledger entry: a reason and a detail naming the values involved.
 *
 * @param reason the reason; not null
 * @param detail what was expected and what was found; not null
 */
public record EntryFault(FaultReason reason, String detail) {

  /** Validates the parts. */
  public EntryFault {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
