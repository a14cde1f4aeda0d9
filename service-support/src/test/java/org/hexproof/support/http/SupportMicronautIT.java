package org.hexproof.support.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.MigrationReport;
import org.hexproof.support.db.Migrations;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "spec.name", value = "SupportMicronautIT")
class SupportMicronautIT {

  @Inject ConnectionFactory connectionFactory;
  @Inject Migrations migrations;
  @Inject EmbeddedDatabase embeddedDatabase;
  @Inject JsonMapper json;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void connectionFactoryBeanReachesTheEmbeddedServer() {
    assertThat(
            new Sql(connectionFactory, Duration.ofSeconds(5))
                .queryOne("SELECT 1", row -> row.get(0, Integer.class)))
        .contains(1);
    assertThat(embeddedDatabase.persistentDirectory()).isEmpty();
    assertThat(client.toBlocking().retrieve("/support-test/one", Integer.class)).isEqualTo(1);
  }

  @Test
  void migrationsBeanAppliesTheServiceSchema() {
    MigrationReport report = migrations.apply("support_test");

    assertThat(report.currentVersion()).isEqualTo(2);
    assertThat(
            client
                .toBlocking()
                .retrieve(
                    HttpRequest.GET("/support-test/items"),
                    io.micronaut.core.type.Argument.listOf(String.class)))
        .isEqualTo(List.of("antenna", "gateway"));
  }

  @Test
  void badRequestExceptionRendersAsProblemJson400() throws IOException {
    HttpResponse<?> response = errorResponse("/support-test/items/x7");

    assertThat(response.code()).isEqualTo(400);
    assertThat(response.getContentType().map(MediaType::getName))
        .contains("application/problem+json");
    assertThat(problem(response))
        .isEqualTo(
            new ProblemJson(
                "about:blank",
                "Bad Request",
                400,
                "id: expected a decimal number, got 'x7'",
                "/support-test/items/x7"));
  }

  @Test
  void databaseOutageRendersAs503WithoutInternals() throws IOException {
    HttpResponse<?> response = errorResponse("/support-test/outage");

    assertThat(response.code()).isEqualTo(503);
    assertThat(response.getHeaders().get("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType().map(MediaType::getName))
        .contains("application/problem+json");
    String body = response.getBody(String.class).orElseThrow();
    assertThat(body).doesNotContain("127.0.0.1").doesNotContain("Exception").doesNotContain("at ");
    assertThat(problem(response))
        .isEqualTo(
            new ProblemJson(
                "about:blank",
                "Service Unavailable",
                503,
                "database unavailable, retry later",
                "/support-test/outage"));
  }

  @Test
  void otherDatabaseErrorsRenderAs500WithoutInternals() throws IOException {
    HttpResponse<?> response = errorResponse("/support-test/bad-sql");

    assertThat(response.code()).isEqualTo(500);
    assertThat(response.getBody(String.class).orElseThrow()).doesNotContain("SELEC");
    assertThat(problem(response).detail()).isEqualTo("database error");
  }

  @Test
  void errorsMicronautAnswersItselfRenderAsProblemJson() throws IOException {
    HttpResponse<?> noRoute = errorResponse("/support-test/nowhere");
    HttpResponse<?> tooLong = errorResponse("/support-test/items/" + "9".repeat(10_240));

    assertThat(noRoute.code()).isEqualTo(404);
    assertThat(noRoute.getContentType().map(MediaType::getName))
        .contains("application/problem+json");
    assertThat(problem(noRoute).instance()).isEqualTo("/support-test/nowhere");
    assertThat(tooLong.code()).isEqualTo(413);
    assertThat(tooLong.getContentType().map(MediaType::getName))
        .contains("application/problem+json");
    ProblemJson problem = problem(tooLong);
    assertThat(problem.status()).isEqualTo(413);
    assertThat(problem.detail())
        .startsWith("expected a well-formed request within the server's size limits")
        .hasSizeLessThan(400);
  }

  private HttpResponse<?> errorResponse(String path) {
    HttpClientResponseException e =
        catchThrowableOfType(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(HttpRequest.GET(path), String.class));
    assertThat(e).as("expected an error status from " + path).isNotNull();
    return e.getResponse();
  }

  private ProblemJson problem(HttpResponse<?> response) throws IOException {
    return json.readValue(response.getBody(String.class).orElseThrow(), ProblemJson.class);
  }
}
