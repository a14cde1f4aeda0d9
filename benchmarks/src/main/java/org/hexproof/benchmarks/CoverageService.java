package org.hexproof.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The coverage service as {@code hexproof coverage} runs it, fed by a stub oracle. */
final class CoverageService implements AutoCloseable {
  final HttpServer oracle;
  final ApplicationContext context;
  final int port;

  private CoverageService(HttpServer oracle, ApplicationContext context, int port) {
    this.oracle = oracle;
    this.context = context;
    this.port = port;
  }

  static CoverageService start(CoverageCity city, Instant now) throws Exception {
    List<String> entries = city.feedEntries(now);
    HttpServer oracle =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    oracle.createContext("/v1/poc/feed", exchange -> feed(exchange, entries));
    oracle.start();
    Map<String, Object> props = new HashMap<>();
    props.put("micronaut.server.port", -1);
    props.put("micronaut.server.host", "127.0.0.1");
    props.put("hexproof.coverage.oracle-url", "http://127.0.0.1:" + oracle.getAddress().getPort());
    props.put("hexproof.coverage.page-size", 500);
    props.put("hexproof.coverage.poll-interval", "200ms");
    long t0 = System.nanoTime();
    ApplicationContext context =
        ApplicationContext.builder().environments("coverage").properties(props).start();
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    server.start();
    CoverageService s = new CoverageService(oracle, context, server.getPort());
    long deadline = System.nanoTime() + 120_000_000_000L;
    Pattern cursor = Pattern.compile("\"feed_cursor\":(\\d+)");
    try (KeepAliveClient c = new KeepAliveClient(s.port)) {
      while (true) {
        Matcher m = cursor.matcher(c.getString("/v1/coverage/summary"));
        if (m.find() && Long.parseLong(m.group(1)) >= entries.size()) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the service did not consume the feed in 120 s");
        }
        Thread.sleep(100);
      }
      System.out.printf(
          Locale.ROOT,
          "%nservice: embedded PostgreSQL, port %d, %d feed entries consumed %.1f s after start;"
              + " summary: %s%n",
          s.port,
          entries.size(),
          (System.nanoTime() - t0) / 1e9,
          c.getString("/v1/coverage/summary"));
    }
    return s;
  }

  private static void feed(HttpExchange exchange, List<String> entries) throws IOException {
    long after = 0;
    int limit = 500;
    String raw = exchange.getRequestURI().getRawQuery();
    for (String part : raw == null ? new String[0] : raw.split("&")) {
      String[] kv = part.split("=", 2);
      if (kv[0].equals("after")) {
        after = Long.parseLong(kv[1]);
      } else if (kv[0].equals("limit")) {
        limit = Integer.parseInt(kv[1]);
      }
    }
    int from = (int) Math.min(after, entries.size());
    int to = Math.min(entries.size(), from + limit);
    String body =
        "{\"entries\":["
            + String.join(",", entries.subList(from, to))
            + "],\"last_id\":"
            + (to > from ? to : after)
            + "}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    context.close();
    oracle.stop(0);
  }
}
