package org.hexproof.support.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Problem JSON for the errors Micronaut answers itself, before or around a controller: a request
 * line or headers over the server's limits (413), a body that is not the JSON a route reads, a
 * query value that does not convert to the route's type (400), no route (404), a wrong method
 * (405). Without it those came as Micronaut's own {@code _links}/{@code _embedded} JSON, the one
 * place a client got another error format than problem JSON. The detail is Micronaut's message, cut
 * at 300 characters (a refused request line can be kilobytes long); for 400 and 413 it is prefixed
 * with what was expected.
 */
@Singleton
public final class FrameworkErrorBody implements JsonErrorResponseBodyProvider<ProblemJson> {
  private static final int MAX_DETAIL = 300;

  /** Used by the bean context. */
  public FrameworkErrorBody() {}

  @Override
  public ProblemJson body(ErrorContext context, HttpResponse<?> response) {
    HttpStatus status = response.status();
    String message =
        context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
    if (message.isBlank()) {
      message = status.getReason();
    }
    if (status == HttpStatus.BAD_REQUEST || status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
      message = "expected a well-formed request within the server's size limits: " + message;
    }
    if (message.length() > MAX_DETAIL) {
      message = message.substring(0, MAX_DETAIL) + "...";
    }
    String path = context.getRequest().getPath();
    return ProblemJson.of(
        status, message, path.length() > MAX_DETAIL ? path.substring(0, MAX_DETAIL) + "..." : path);
  }

  @Override
  public String contentType() {
    return ProblemJson.MEDIA_TYPE.toString();
  }
}
