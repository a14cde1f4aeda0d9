package org.hexproof.bridge.radio;

/**
 * The serial link to a module is unusable: the device cannot be opened, a write or read failed
 * ({@code Input/output error} once the other end is gone), or the line is reconnecting.
 */
public class LinkDownException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the device
   */
  public LinkDownException(String message) {
    super(message);
  }

  /**
   * @param message what failed, naming the device
   * @param cause the underlying I/O failure
   */
  public LinkDownException(String message, Throwable cause) {
    super(message, cause);
  }
}
