package org.hexproof.support.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.r2dbc.spi.R2dbcException;
import jakarta.inject.Singleton;
import org.hexproof.support.db.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers database failures without leaking SQL, messages or stack traces to the client.
 *
 * <ul>
 *   <li>An outage ({@link DatabaseFailures#isUnavailable}: connection refused or lost, pool
 *       exhausted, timeout): 503 with {@code Retry-After: 5}; logged at warn without stack trace.
 *   <li>Any other {@link R2dbcException} (bad SQL, constraint violation): a bug, 500; logged at
 *       error with stack trace.
 * </ul>
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON_PROBLEM)
@Requires(classes = {R2dbcException.class, ExceptionHandler.class})
public final class DatabaseFailureHandler
    implements ExceptionHandler<R2dbcException, HttpResponse<ProblemJson>> {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureHandler.class);

  /** Seconds a client should wait before retrying during an outage. */
  public static final String RETRY_AFTER_SECONDS = "5";

  /** Used by the bean context. */
  public DatabaseFailureHandler() {}

  /**
   * 503 with {@code Retry-After} for an outage, logged at warn without stack trace.
   *
   * @param request the request
   * @param outage what failed
   * @return the answer
   */
  static HttpResponse<ProblemJson> unavailable(HttpRequest<?> request, Throwable outage) {
    LOG.warn(
        "503 {} {}: database unavailable: {}",
        request.getMethod(),
        request.getPath(),
        outage.toString());
    return HttpResponse.<ProblemJson>status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .contentType(ProblemJson.MEDIA_TYPE)
        .body(
            ProblemJson.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database unavailable, retry later",
                request.getPath()));
  }

  @Override
  @SuppressWarnings("rawtypes") // ExceptionHandler's signature uses the raw type
  public HttpResponse<ProblemJson> handle(HttpRequest request, R2dbcException exception) {
    if (DatabaseFailures.isUnavailable(exception)) {
      return unavailable(request, exception);
    }
    LOG.error("500 {} {}: database error", request.getMethod(), request.getPath(), exception);
    return HttpResponse.<ProblemJson>status(HttpStatus.INTERNAL_SERVER_ERROR)
        .contentType(ProblemJson.MEDIA_TYPE)
        .body(
            ProblemJson.of(HttpStatus.INTERNAL_SERVER_ERROR, "database error", request.getPath()));
  }
}
