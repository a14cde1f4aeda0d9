package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * GET /openapi serves the generated document, and it lists every route the oracle serves (from the
 * {@link Router}), so the document cannot drift from the controllers.
 */
@MicronautTest(environments = "oracle")
// a free port: 8080 (application-oracle.yml) may be taken on the machine running the tests
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "hexproof.oracle.scheduling", value = "false")
@Property(name = "hexproof.oracle.key-file", value = "target/it-keys/openapi/oracle.key")
class OpenApiIT {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject Router router;

  @Test
  void serves_the_document_listing_ingest_and_feed_paths() {
    Http.Reply reply = new Http(client).get("/openapi");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/yaml");
    Map<String, Object> document = new Yaml().load(reply.text());
    assertThat(document.get("openapi").toString()).startsWith("3.");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> paths =
        (Map<String, Map<String, Object>>) document.get("paths");
    assertThat(paths.keySet())
        .contains(
            "/v1/reports/beacon",
            "/v1/reports/witness",
            "/v1/poc/feed",
            "/v1/poc/feed/watermark",
            "/v1/entropy/latest",
            "/v1/hotspots");
    assertThat(paths.get("/v1/reports/beacon")).containsKey("post");
    assertThat(paths.get("/v1/poc/feed")).containsKey("get");

    Set<String> documented = new TreeSet<>();
    paths.forEach(
        (path, operations) ->
            operations
                .keySet()
                .forEach(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path)));
    Set<String> routed =
        router
            .uriRoutes()
            .filter(r -> r.getUriMatchTemplate().toString().startsWith("/v1/"))
            // Micronaut answers HEAD for every GET by itself; the document lists the GET
            .filter(r -> !"HEAD".equals(r.getHttpMethodName()))
            .map(OpenApiIT::describe)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(routed).isNotEmpty();
    assertThat(documented).as("every /v1 route, and nothing else").isEqualTo(routed);
  }

  private static String describe(UriRouteInfo<?, ?> route) {
    return route.getHttpMethodName() + " " + route.getUriMatchTemplate().toString();
  }
}
