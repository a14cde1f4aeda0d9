package org.hexproof.coverage.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The coverage service as `hexproof coverage` runs it, against a stub oracle, with an HTTP client.
 */
final class RunningService implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  RunningService(String oracleUrl, Path dataDirectory) {
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("micronaut.server.host", "127.0.0.1");
    props.put("hexproof.coverage.oracle-url", oracleUrl);
    props.put("hexproof.coverage.page-size", 2);
    props.put("hexproof.coverage.poll-interval", "100ms");
    props.put("hexproof.coverage.max-backoff", "300ms");
    if (dataDirectory != null) {
      props.put("hexproof.database.data-directory", dataDirectory.toString());
    }
    // the builder's properties merge with service-support's R2dbcPoolBinderOff, as the launcher's
    // do
    ApplicationContext context =
        ApplicationContext.builder().environments("coverage").properties(props).start();
    server = context.getBean(EmbeddedServer.class);
    server.start();
  }

  ApplicationContext context() {
    return server.getApplicationContext();
  }

  String base() {
    return "http://127.0.0.1:" + server.getPort();
  }

  HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(String path) {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + r.body());
    }
    return parse(r.body());
  }

  static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the map includes feed id {@code id}. */
  void awaitCursor(long id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (json("/v1/coverage/summary").get("feed_cursor").asLong() < id) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("feed cursor did not reach " + id);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.getApplicationContext().close();
  }
}
