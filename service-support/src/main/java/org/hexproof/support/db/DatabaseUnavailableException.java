package org.hexproof.support.db;

/** The database could not be reached when the service started. */
public final class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was tried, with the URL's password hidden
   * @param cause the driver's failure
   */
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
