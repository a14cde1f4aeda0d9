package org.hexproof.support.db;

/**
 * A schema migration set is unusable: malformed or missing files, a version gap or duplicate, or an
 * applied file whose content changed. Thrown at startup; the message names the file.
 */
public final class MigrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the file
   */
  public MigrationException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the file
   * @param cause the underlying failure
   */
  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
