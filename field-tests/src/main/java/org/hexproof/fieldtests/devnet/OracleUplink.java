package org.hexproof.fieldtests.devnet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet's network path to the oracle: an HTTP relay on 127.0.0.1 that each hotspot reaches
 * under its own prefix ({@code /<name>/v1/...}). It records every report the oracle acknowledged
 * (202 with a {@code report_id}, alone or as a batch's result), so a test can check that none is
 * lost, and answers 503 while the oracle is down, as a load balancer would. For a hotspot that
 * replays beacons it is the hotspot's own cache: the first entropy it fetched is served to it
 * forever after.
 */
final class OracleUplink implements AutoCloseable {
  private static final Pattern REPORT_ID = Pattern.compile("\"report_id\"\\s*:\\s*\"([^\"]*)\"");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REPORTS = "/v1/reports/";
  private static final String BATCH = "/batch";

  private final URI oracle;
  private final Set<String> replayers;
  private final HttpServer server;
  private final ExecutorService threads;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<AckedReport> acks = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> frozenEntropy = new ConcurrentHashMap<>();

  private OracleUplink(URI oracle, Set<String> replayers) throws IOException {
    this.oracle = oracle;
    this.replayers = Set.copyOf(replayers);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    this.threads =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "devnet-uplink");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext("/", this::relay);
  }

  /** Starts a relay to {@code oracle}; {@code replayers} get their first entropy forever. */
  static OracleUplink start(URI oracle, Set<String> replayers) {
    try {
      OracleUplink uplink = new OracleUplink(oracle, replayers);
      uplink.server.start();
      return uplink;
    } catch (IOException e) {
      throw new UncheckedIOException("devnet: cannot bind the oracle uplink", e);
    }
  }

  /** The base URL hotspot {@code name} uses as its oracle. */
  URI urlFor(String name) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/");
  }

  /** Every acknowledged report so far, in order. */
  List<AckedReport> acks() {
    return List.copyOf(acks);
  }

  private void relay(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      int slash = path.indexOf('/', 1);
      if (slash < 0) {
        respond(
            exchange,
            404,
            "text/plain",
            "expected /<hotspot>/v1/...".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String name = path.substring(1, slash);
      String rest = path.substring(slash);
      boolean entropy = rest.equals("/v1/entropy/latest");
      byte[] frozen = frozenEntropy.get(name);
      if (entropy && frozen != null) {
        respond(exchange, 200, "application/x-protobuf", frozen);
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  oracle.resolve(rest.substring(1) + (query == null ? "" : "?" + query)))
              .timeout(Duration.ofSeconds(10));
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      request.method(
          exchange.getRequestMethod(),
          body.length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        respond(
            exchange,
            503,
            "text/plain",
            ("oracle unreachable: " + e).getBytes(StandardCharsets.UTF_8));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        respond(exchange, 503, "text/plain", new byte[0]);
        return;
      }
      if (entropy && response.statusCode() == 200 && replayers.contains(name)) {
        frozenEntropy.putIfAbsent(name, response.body());
      }
      if (rest.startsWith(REPORTS)) {
        recordAcks(name, rest.substring(REPORTS.length()), response);
      }
      respond(
          exchange,
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
          response.body());
    }
  }

  /**
   * Records the reports the oracle acknowledged in its answer to {@code /v1/reports/{kind}}: the
   * 202 of a single report, or each 202 result of a batch's 200 answer.
   */
  private void recordAcks(String name, String kind, HttpResponse<byte[]> response) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (kind.endsWith(BATCH)) {
      if (response.statusCode() != 200) {
        return;
      }
      JsonNode results;
      try {
        results = JSON.readTree(body).path("results");
      } catch (JsonProcessingException e) {
        return; // the hotspot's sender reads the same answer as broken and sends the batch again
      }
      String reportKind = kind.substring(0, kind.length() - BATCH.length());
      for (JsonNode result : results) {
        if (result.path("status").asInt() == 202 && result.path("report_id").isTextual()) {
          acks.add(new AckedReport(name, reportKind, result.path("report_id").asText()));
        }
      }
    } else if (response.statusCode() == 202) {
      Matcher m = REPORT_ID.matcher(body);
      if (m.find()) {
        acks.add(new AckedReport(name, kind, m.group(1)));
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
