package org.hexproof.bridge.oracle;

/** The oracle could not answer a query (connection failure, timeout, 5xx or another status). */
public class OracleUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the request and what went wrong
   */
  public OracleUnavailableException(String message) {
    super(message);
  }

  /**
   * @param message the request and what went wrong
   * @param cause the I/O failure
   */
  public OracleUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
