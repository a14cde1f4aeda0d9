package org.hexproof.support.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import reactor.pool.PoolShutdownException;

/**
 * A request that needs the database after the connection pool was closed (the service is stopping,
 * or a request outlived the stop's grace period) is answered like an outage: 503 with {@code
 * Retry-After}, so a client retries against the restarted service instead of seeing a 500. The pool
 * throws {@link PoolShutdownException}, which is not an {@code R2dbcException}, so {@link
 * DatabaseFailureHandler} does not see it.
 */
@Singleton
@Produces(MediaType.APPLICATION_JSON_PROBLEM)
@Requires(classes = {PoolShutdownException.class, ExceptionHandler.class})
public final class PoolShutdownHandler
    implements ExceptionHandler<PoolShutdownException, HttpResponse<ProblemJson>> {

  /** Used by the bean context. */
  public PoolShutdownHandler() {}

  @Override
  @SuppressWarnings("rawtypes") // ExceptionHandler's signature uses the raw type
  public HttpResponse<ProblemJson> handle(HttpRequest request, PoolShutdownException exception) {
    return DatabaseFailureHandler.unavailable(request, exception);
  }
}
