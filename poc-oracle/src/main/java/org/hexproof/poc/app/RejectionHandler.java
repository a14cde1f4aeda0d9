package org.hexproof.poc.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.hexproof.poc.ingest.RequestRejected;
import org.hexproof.support.http.DatabaseFailureHandler;
import org.hexproof.support.http.ProblemJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every {@link RequestRejected} with its status and problem JSON (a 503 with {@code
 * Retry-After}, as a database outage); logs at debug.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON_PROBLEM)
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
public final class RejectionHandler
    implements ExceptionHandler<RequestRejected, HttpResponse<ProblemJson>> {
  private static final Logger LOG = LoggerFactory.getLogger(RejectionHandler.class);

  /** Used by the bean context. */
  public RejectionHandler() {}

  @Override
  @SuppressWarnings("rawtypes") // ExceptionHandler's signature uses the raw type
  public HttpResponse<ProblemJson> handle(HttpRequest request, RequestRejected exception) {
    HttpStatus status = HttpStatus.valueOf(exception.kind().status());
    LOG.debug(
        "{} {} {}: {}",
        status.getCode(),
        request.getMethod(),
        request.getPath(),
        exception.detail());
    MutableHttpResponse<ProblemJson> response =
        HttpResponse.<ProblemJson>status(status)
            .contentType(ProblemJson.MEDIA_TYPE)
            .body(ProblemJson.of(status, exception.detail(), request.getPath()));
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.header("Retry-After", DatabaseFailureHandler.RETRY_AFTER_SECONDS);
    }
    return response;
  }
}
