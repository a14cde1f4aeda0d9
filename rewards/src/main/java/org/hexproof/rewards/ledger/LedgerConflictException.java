package org.hexproof.rewards.ledger;

/**
 * Thrown by {@link LedgerStore#append} when the entry's sequence number or epoch is already taken
 * in storage, typically because another writer appended first. It is an infrastructure outcome:
 * re-read the ledger and retry, never treat it as an invalid mint.
 */
public final class LedgerConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which sequence or epoch was taken
   */
  public LedgerConflictException(String message) {
    super(message);
  }
}
