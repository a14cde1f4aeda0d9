package org.hexproof.coverage.store;

/**
 * The stored feed cursor was not where the page started: another consumer applied it, or memory and
 * database disagree. Nothing was written; the caller reloads from the database.
 */
public final class CursorConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param expected the cursor the page was read after
   */
  public CursorConflictException(long expected) {
    super("feed cursor: expected " + expected + " in the database, found another value");
  }
}
