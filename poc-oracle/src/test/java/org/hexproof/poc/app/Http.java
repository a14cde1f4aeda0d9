package org.hexproof.poc.app;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Blocking HTTP calls that return the response for every status. */
final class Http {
  private final HttpClient client;

  Http(HttpClient client) {
    this.client = client;
  }

  /** Status and body text of one exchange. */
  record Reply(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Reply postProtobuf(String path, byte[] body) {
    return exchange(HttpRequest.POST(path, body).contentType("application/x-protobuf"));
  }

  Reply get(String path) {
    return exchange(HttpRequest.GET(path));
  }

  Reply exchange(MutableHttpRequest<?> request) {
    try {
      HttpResponse<byte[]> response = client.toBlocking().exchange(request, byte[].class);
      return reply(response, response.getBody());
    } catch (HttpClientResponseException e) {
      return reply(e.getResponse(), e.getResponse().getBody(byte[].class));
    }
  }

  private static Reply reply(HttpResponse<?> response, Optional<byte[]> body) {
    return new Reply(
        response.code(),
        response.getContentType().map(Object::toString).orElse(""),
        body.orElse(new byte[0]));
  }
}
