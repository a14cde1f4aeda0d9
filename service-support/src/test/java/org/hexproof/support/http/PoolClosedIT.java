package org.hexproof.support.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Requests that need the database after its connection pool was closed (a stopping service) are
 * answered 503 with {@code Retry-After}, blocking and reactive handlers alike, never 500.
 */
@MicronautTest
@Property(name = "spec.name", value = "SupportMicronautIT")
class PoolClosedIT {
  @Inject ConnectionFactory connectionFactory;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void a_closed_pool_is_an_outage_for_the_client() {
    assertThat(client.toBlocking().retrieve("/support-test/one", Integer.class)).isEqualTo(1);
    assertThat(connectionFactory).isInstanceOf(ConnectionPool.class);
    ((ConnectionPool) connectionFactory).dispose();

    for (String path : new String[] {"/support-test/one", "/support-test/items"}) {
      assertThatThrownBy(() -> client.toBlocking().exchange(HttpRequest.GET(path), String.class))
          .isInstanceOfSatisfying(
              HttpClientResponseException.class,
              e -> {
                HttpResponse<?> response = e.getResponse();
                assertThat(response.code()).as(path).isEqualTo(503);
                assertThat(response.getHeaders().get("Retry-After")).isEqualTo("5");
                assertThat(response.getBody(String.class).orElseThrow())
                    .contains("database unavailable, retry later")
                    .doesNotContain("Exception");
              });
    }
  }
}
