package org.hexproof.rewards.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A poc-oracle that serves the verified-PoC feed contract (docs/verified-poc-feed.md) from a fixed
 * list of entries, on 127.0.0.1 and a free port; it can be switched "down" (503).
 */
final class StubOracle implements AutoCloseable {
  private final HttpServer server;
  private final TreeMap<Long, String> entries = new TreeMap<>();
  private volatile String watermark = "1970-01-01T00:00:00Z";
  final AtomicBoolean down = new AtomicBoolean();

  StubOracle() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/poc/feed/watermark", this::watermark);
    server.createContext("/v1/poc/feed", this::feed);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized void add(long id, String json) {
    entries.put(id, json);
  }

  void watermark(String instant) {
    watermark = instant;
  }

  private void watermark(HttpExchange exchange) throws IOException {
    respond(exchange, "{\"verified_through\": \"" + watermark + "\"}");
  }

  private void feed(HttpExchange exchange) throws IOException {
    Map<String, String> query = new TreeMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    long after = Long.parseLong(query.getOrDefault("after", "0"));
    int limit = Integer.parseInt(query.getOrDefault("limit", "500"));
    List<String> page = new ArrayList<>();
    long last = after;
    synchronized (this) {
      for (Map.Entry<Long, String> e : entries.tailMap(after, false).entrySet()) {
        if (page.size() == limit) {
          break;
        }
        page.add(e.getValue());
        last = e.getKey();
      }
    }
    respond(exchange, "{\"entries\": [" + String.join(",", page) + "], \"last_id\": " + last + "}");
  }

  private void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    int status = down.get() ? 503 : 200;
    if (status != 200) {
      bytes = "{}".getBytes(StandardCharsets.UTF_8);
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
