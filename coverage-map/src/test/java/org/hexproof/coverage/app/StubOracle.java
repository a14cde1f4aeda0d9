package org.hexproof.coverage.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The oracle's feed endpoint as docs/verified-poc-feed.md describes it, on 127.0.0.1:0. */
final class StubOracle implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Map<String, Object>> entries = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Long> afters = new CopyOnWriteArrayList<>();
  private volatile boolean down;

  StubOracle() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/poc/feed", this::feed);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void add(Map<String, Object> entry) {
    entries.add(entry);
  }

  long lastId() {
    return entries.isEmpty() ? 0 : ((Number) entries.get(entries.size() - 1).get("id")).longValue();
  }

  /** While down, every request answers 503. */
  void down(boolean isDown) {
    down = isDown;
  }

  int requests() {
    return requests.get();
  }

  /** The {@code after} of every successful request, in order. */
  List<Long> afters() {
    return List.copyOf(afters);
  }

  private void feed(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    if (down) {
      respond(exchange, 503, "{\"status\":503}");
      return;
    }
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    for (String part : raw == null ? new String[0] : raw.split("&")) {
      String[] kv = part.split("=", 2);
      query.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    long after = Long.parseLong(query.getOrDefault("after", "0"));
    int limit = Integer.parseInt(query.getOrDefault("limit", "500"));
    afters.add(after);
    List<Map<String, Object>> page = new ArrayList<>();
    for (Map<String, Object> e : entries) {
      if (((Number) e.get("id")).longValue() > after && page.size() < limit) {
        page.add(e);
      }
    }
    long lastId =
        page.isEmpty() ? after : ((Number) page.get(page.size() - 1).get("id")).longValue();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entries", page);
    body.put("last_id", lastId);
    respond(exchange, 200, JSON.writeValueAsString(body));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
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
