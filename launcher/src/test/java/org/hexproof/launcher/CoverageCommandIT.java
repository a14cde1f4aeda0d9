package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.r2dbc.spi.ConnectionFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.hexproof.support.db.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `hexproof coverage` starts the map service with its database under a data directory. */
class CoverageCommandIT {
  @TempDir Path dir;

  @Test
  void the_map_and_the_api_are_served_while_the_oracle_is_unreachable() throws Exception {
    // port 9 (discard) on loopback: nothing listens, the feed consumer backs off
    try (ApplicationContext context =
        CoverageCommand.start("http://127.0.0.1:9", 0, dir.resolve("db"))) {
      int port = context.getBean(EmbeddedServer.class).getPort();
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> summary =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/v1/coverage/summary"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(summary.statusCode()).isEqualTo(200);
      assertThat(summary.body()).contains("\"feed_cursor\":0");
      assertThat(page.body()).contains("hexproof coverage");
      assertThat(context.containsBean(org.hexproof.gateway.udp.UdpTransport.class)).isFalse();
    }
    assertThat(dir.resolve("db")).isDirectory();
  }

  @Test
  void the_gateway_in_the_same_jar_starts_neither_coverage_nor_a_database() throws Exception {
    try (ApplicationContext context = GatewayCommand.start(0, "127.0.0.1", 0)) {
      int port = context.getBean(EmbeddedServer.class).getPort();
      HttpResponse<String> metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/prometheus"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(context.getActiveBeanRegistrations(EmbeddedDatabase.class)).isEmpty();
      assertThat(context.getActiveBeanRegistrations(ConnectionFactory.class)).isEmpty();
    }
  }

  @Test
  void a_malformed_oracle_url_is_a_usage_error() {
    StringWriter err = new StringWriter();
    int code =
        Hexproof.run(
            new String[] {"coverage", "--oracle-url", "localhost:8081"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));

    assertThat(code).isEqualTo(Hexproof.EXIT_USAGE);
    assertThat(err.toString()).contains("--oracle-url: expected an http(s) URL");
  }
}
