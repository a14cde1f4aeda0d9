package org.hexproof.coverage.feed;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** Reads the oracle's {@code GET /v1/poc/feed} with the JDK HTTP client. */
public final class OracleFeedClient implements FeedSource {
  private final URI base;
  private final Duration timeout;
  private final JsonMapper json;
  private final HttpClient http;

  /**
   * Creates a client.
   *
   * @param base the oracle's base URL, e.g. {@code http://localhost:8081}
   * @param timeout connect and request timeout
   * @param json decoder for {@link FeedPage}
   */
  public OracleFeedClient(URI base, Duration timeout, JsonMapper json) {
    String text = Objects.requireNonNull(base, "base").toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.json = Objects.requireNonNull(json, "json");
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public FeedPage fetch(long after, int limit) {
    URI uri = URI.create(base + "/v1/poc/feed?after=" + after + "&limit=" + limit);
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new FeedUnavailableException("GET " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeedUnavailableException("GET " + uri + ": interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new FeedUnavailableException(
          "GET " + uri + ": expected 200, got " + response.statusCode(), null);
    }
    try {
      return json.readValue(response.body(), Argument.of(FeedPage.class));
    } catch (IOException | RuntimeException e) {
      throw new MalformedFeedException(
          "GET " + uri + ": expected a feed page (docs/verified-poc-feed.md), got: " + e, e);
    }
  }

  @Override
  public String toString() {
    return base.toString();
  }
}
