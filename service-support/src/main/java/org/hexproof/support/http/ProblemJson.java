package org.hexproof.support.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/**
 * An RFC 9457 problem details body, served as {@code application/problem+json}. Null members are
 * left out.
 *
 * @param type URI identifying the problem type; {@code about:blank} when the status says it all
 * @param title short summary; for {@code about:blank}, the status reason phrase
 * @param status the HTTP status code
 * @param detail what went wrong with this request, for the client; never a stack trace
 * @param instance the request path
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemJson(
    String type, String title, int status, @Nullable String detail, @Nullable String instance) {

  /** {@code application/problem+json}. */
  public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_JSON_PROBLEM_TYPE;

  /** The type of problems without a more specific type. */
  public static final String ABOUT_BLANK = "about:blank";

  /**
   * Validates.
   *
   * @param type type URI
   * @param title title
   * @param status status code
   * @param detail detail or null
   * @param instance instance or null
   */
  public ProblemJson {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
  }

  /**
   * An {@code about:blank} problem.
   *
   * @param status the status
   * @param detail what went wrong, or null
   * @param instance the request path, or null
   * @return the problem
   */
  public static ProblemJson of(
      HttpStatus status, @Nullable String detail, @Nullable String instance) {
    return new ProblemJson(ABOUT_BLANK, status.getReason(), status.getCode(), detail, instance);
  }
}
