package org.hexproof.gateway.app;

import io.micronaut.http.HttpStatus;
import java.util.Objects;

/**
 * A request the gateway's HTTP API refuses: its status and a detail naming what was expected.
 * {@link GatewayProblemHandler} answers it with problem JSON.
 */
final class GatewayRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final HttpStatus status;

  GatewayRequestException(HttpStatus status, String detail) {
    super(Objects.requireNonNull(detail, "detail"));
    this.status = Objects.requireNonNull(status, "status");
  }

  HttpStatus status() {
    return status;
  }
}
