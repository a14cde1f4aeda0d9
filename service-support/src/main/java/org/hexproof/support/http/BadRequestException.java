package org.hexproof.support.http;

import java.util.Objects;

/**
 * Malformed input at an HTTP boundary. The detail says what was expected and what arrived ("hotspot
 * key: expected base58, got 'x0'"); {@link BadRequestHandler} answers 400 with it.
 */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String detail;

  /**
   * Creates the exception.
   *
   * @param detail what was expected and what arrived; shown to the client
   */
  public BadRequestException(String detail) {
    super(Objects.requireNonNull(detail, "detail"), null, false, false);
    this.detail = detail;
  }

  /**
   * The client-facing detail.
   *
   * @return the detail
   */
  public String detail() {
    return detail;
  }
}
