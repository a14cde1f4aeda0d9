package org.hexproof.coverage.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.hexproof.coverage.geometry.InvalidQueryException;
import org.hexproof.support.http.ProblemJson;

/** A bad bounding box, resolution or tile address from the geometry packages: 400 problem JSON. */
@Singleton
@Produces(MediaType.APPLICATION_JSON_PROBLEM)
@Requires(property = "hexproof.coverage.enabled", value = "true")
final class InvalidQueryHandler
    implements ExceptionHandler<InvalidQueryException, HttpResponse<ProblemJson>> {

  @Override
  @SuppressWarnings("rawtypes") // ExceptionHandler's signature uses the raw type
  public HttpResponse<ProblemJson> handle(HttpRequest request, InvalidQueryException exception) {
    return HttpResponse.<ProblemJson>status(HttpStatus.BAD_REQUEST)
        .contentType(ProblemJson.MEDIA_TYPE)
        .body(ProblemJson.of(HttpStatus.BAD_REQUEST, exception.getMessage(), request.getPath()));
  }
}
