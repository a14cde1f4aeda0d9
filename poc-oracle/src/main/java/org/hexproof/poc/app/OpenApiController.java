package org.hexproof.poc.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi}: the OpenAPI document of the oracle's HTTP API (YAML), generated from the
 * controllers at compile time by micronaut-openapi into {@value #DOCUMENT} and read once at
 * startup. A build without the document fails at startup, never mid-request.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "poc-oracle",
            version = "v1",
            description =
                "hexproof proof-of-coverage oracle: registry, entropy, signed report ingest,"
                    + " verified-PoC feed"))
@Controller
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
public final class OpenApiController {
  /** The classpath resource micronaut-openapi writes: {@code <title>-<version>.yml}. */
  static final String DOCUMENT = "META-INF/swagger/poc-oracle-v1.yml";

  private static final String YAML = "application/yaml";

  private final byte[] document;

  /** Reads the generated document. */
  public OpenApiController() {
    try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IllegalStateException(
            DOCUMENT + " is not on the classpath: the micronaut-openapi processor did not run");
      }
      this.document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document. */
  @Hidden
  @Get(
      value = "/openapi",
      produces = {YAML, MediaType.TEXT_PLAIN})
  public HttpResponse<byte[]> openapi() {
    return HttpResponse.ok(document.clone()).contentType(YAML);
  }
}
