package org.hexproof.bridge.e2e;

import com.google.protobuf.CodedInputStream;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1:0 in front of a real oracle: it forwards every request to the
 * oracle and passes the answer back, records each request's path and how many reports it carried,
 * and can be told to answer batch requests itself instead (503 while the oracle is overloaded, 404
 * as an oracle from before the batch endpoints), without the oracle seeing them.
 */
final class OracleFront implements AutoCloseable {
  /** One request that reached the front. */
  record Request(String path, int reports, int status) {}

  private final URI oracle;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger batchAnswersLeft = new AtomicInteger();
  private volatile int batchStatus;

  OracleFront(URI oracle) {
    this.oracle = oracle;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next {@code times} batch requests are answered {@code status} here, not forwarded. */
  void answerBatches(int status, int times) {
    batchStatus = status;
    batchAnswersLeft.set(times);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests to {@code path} (any status). */
  long count(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).count();
  }

  /** Reports carried by all requests to report paths, resent ones included. */
  int reportsSent() {
    return requests.stream().mapToInt(Request::reports).sum();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean batch = path.endsWith("/batch");
      int reports = batch ? delimitedCount(body) : path.startsWith("/v1/reports/") ? 1 : 0;
      if (batch && batchAnswersLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        byte[] problem =
            ("{\"status\":" + batchStatus + ",\"detail\":\"answered by the front\"}")
                .getBytes(StandardCharsets.UTF_8);
        requests.add(new Request(path, reports, batchStatus));
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(batchStatus, problem.length);
        exchange.getResponseBody().write(problem);
        return;
      }
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(oracle.resolve(exchange.getRequestURI().toString()));
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type != null) {
        forward.header("Content-Type", type);
      }
      forward.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<byte[]> answer;
      try {
        answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      requests.add(new Request(path, reports, answer.statusCode()));
      answer
          .headers()
          .firstValue("Content-Type")
          .ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
      byte[] out = answer.body();
      exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
      exchange.getResponseBody().write(out);
    }
  }

  private static int delimitedCount(byte[] body) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(body);
    int n = 0;
    while (!in.isAtEnd()) {
      in.skipRawBytes(in.readRawVarint32());
      n++;
    }
    return n;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
