package org.hexproof.gateway.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a {@link GatewayRequestException} with RFC 9457 problem JSON ({@code
 * application/problem+json}: type, title, status, detail, instance), as the other services do; logs
 * at debug. lora-gateway depends on network-core only, so it carries its own problem record.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON_PROBLEM)
@Requires(env = "gateway")
@Requires(property = "hexproof.gateway.enabled", notEquals = "false")
final class GatewayProblemHandler
    implements ExceptionHandler<
        GatewayRequestException, HttpResponse<GatewayProblemHandler.Problem>> {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayProblemHandler.class);

  /** The problem body; {@code about:blank} type, the status reason phrase as title. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Problem(String type, String title, int status, String detail, String instance) {}

  @Override
  @SuppressWarnings("rawtypes") // ExceptionHandler's signature uses the raw type
  public HttpResponse<Problem> handle(HttpRequest request, GatewayRequestException exception) {
    LOG.debug("{} {}: {}", exception.status().getCode(), request.getPath(), exception.getMessage());
    return HttpResponse.<Problem>status(exception.status())
        .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
        .body(
            new Problem(
                "about:blank",
                exception.status().getReason(),
                exception.status().getCode(),
                exception.getMessage(),
                request.getPath()));
  }
}
