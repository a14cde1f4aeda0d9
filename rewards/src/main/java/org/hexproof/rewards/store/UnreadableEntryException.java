package org.hexproof.rewards.store;

/** A stored ledger entry whose rows do not even parse (bad bytes, bad key, negative amount). */
public final class UnreadableEntryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long sequence;

  /**
   * Creates the exception.
   *
   * @param sequence the entry's sequence column
   * @param detail what could not be read
   */
  public UnreadableEntryException(long sequence, String detail) {
    super("ledger entry " + sequence + " cannot be read: " + detail);
    this.sequence = sequence;
  }

  /**
   * The entry.
   *
   * @return its sequence column
   */
  public long sequence() {
    return sequence;
  }
}
