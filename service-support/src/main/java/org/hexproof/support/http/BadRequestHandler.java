package org.hexproof.support.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers {@link BadRequestException} with 400 and problem JSON; logs at debug. */
@Singleton
@Produces(MediaType.APPLICATION_JSON_PROBLEM)
@Requires(classes = {BadRequestException.class, ExceptionHandler.class})
public final class BadRequestHandler
    implements ExceptionHandler<BadRequestException, HttpResponse<ProblemJson>> {
  private static final Logger LOG = LoggerFactory.getLogger(BadRequestHandler.class);

  /** Used by the bean context. */
  public BadRequestHandler() {}

  @Override
  @SuppressWarnings("rawtypes") // ExceptionHandler's signature uses the raw type
  public HttpResponse<ProblemJson> handle(HttpRequest request, BadRequestException exception) {
    LOG.debug("400 {} {}: {}", request.getMethod(), request.getPath(), exception.detail());
    return HttpResponse.<ProblemJson>status(HttpStatus.BAD_REQUEST)
        .contentType(ProblemJson.MEDIA_TYPE)
        .body(ProblemJson.of(HttpStatus.BAD_REQUEST, exception.detail(), request.getPath()));
  }
}
