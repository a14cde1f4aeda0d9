package org.hexproof.rewards.ledger;

/**
 * Thrown when bytes read back from storage or the wire do not follow a canonical layout of {@link
 * org.hexproof.rewards.ledger} (wrong length, domain prefix, version or field value). The message
 * says what was expected and what arrived.
 */
public final class MalformedLedgerBytesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was expected and what arrived
   */
  public MalformedLedgerBytesException(String message) {
    super(message);
  }
}
