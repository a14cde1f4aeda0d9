package org.hexproof.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A hexproof service's JSON HTTP API as the commands use it (the coverage service for the
 * field-test commands, the oracle for {@code hotspot reports}). A 400 answer is the caller's bad
 * input ({@link BadInputException}, exit 2, with the service's problem detail); an unreachable
 * service or any other answer is a failure (exit 1) naming the service's problem detail when it
 * gave one.
 */
final class ServiceClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final String service;
  private final String hint;
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * A client of a service at {@code url}.
   *
   * @param service what it is, for messages ("the coverage service")
   * @param hint what starts it, for the message when it cannot be reached
   * @param option where the URL came from, for the message when it is not one
   * @throws BadInputException unless the URL is http(s)
   */
  ServiceClient(String service, String hint, String option, String url) {
    if (!url.matches("https?://[^/\\s]+(/.*)?")) {
      throw new BadInputException(option + ": expected an http(s) URL, got \"" + url + "\"");
    }
    this.service = service;
    this.hint = hint;
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The coverage service at {@code url} (option {@code --url}). */
  static ServiceClient coverage(String url) {
    return new ServiceClient(
        "the coverage service",
        "is `hexproof coverage` or `hexproof devnet` running?",
        "--url",
        url);
  }

  JsonNode get(String path) throws InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  JsonNode post(String path, Object body) throws InterruptedException {
    try {
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode send(HttpRequest.Builder builder) throws InterruptedException {
    HttpRequest request = builder.timeout(Duration.ofMinutes(2)).build();
    String target = request.uri().toString();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot reach "
              + service
              + " at "
              + base
              + " ("
              + e.getClass().getSimpleName()
              + "); "
              + hint,
          e);
    }
    JsonNode body = parse(target, response.body());
    if (response.statusCode() == 400) {
      throw new BadInputException(
          service + " refused it: " + body.path("detail").asText(response.body()));
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          target
              + " answered "
              + response.statusCode()
              + ": "
              + body.path("detail").asText(response.body()));
    }
    return body;
  }

  private static JsonNode parse(String target, String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(target + " answered something that is not JSON: " + text);
    }
  }
}
