package org.hexproof.bridge.oracle;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.report.SignedMessages;

/**
 * The oracle's HTTP contract on 127.0.0.1:0: serves one signed entropy report, records every body
 * it accepts by path (every accepted request, duplicates included, so tests can count them; each
 * report of a {@code /batch} request under its single path), and can be told to answer 503 or a
 * fixed status.
 */
public final class StubOracle implements AutoCloseable {
  /** One accepted request. */
  public record Received(String path, byte[] body) {}

  public final Ed25519KeyPair key = Ed25519KeyPair.generate(Network.TESTNET, new SecureRandom());
  public final EntropyReport entropy;
  private volatile HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<String> attempts = new CopyOnWriteArrayList<>();
  private final Set<String> onboarded = ConcurrentHashMap.newKeySet();
  private final AtomicInteger unavailableFor = new AtomicInteger();
  private volatile boolean down;
  private volatile boolean postsDown;
  private volatile int forcedStatus;
  private volatile String forcedBody = "";

  public StubOracle() {
    entropy =
        SignedMessages.sign(
            EntropyReport.newBuilder()
                .setData(
                    ByteString.copyFrom(
                        HexFormat.of().parseHex("0123456789abcdef0011223344556677")))
                .setTimestampS(1_740_830_400L)
                .setVersion(1)
                .build(),
            key);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Stops listening: connections are refused until {@link #reachableAgain}, as when the oracle's
   * host is down.
   */
  public void unreachable() {
    server.stop(0);
  }

  /** Listens again on the same port. */
  public void reachableAgain() {
    int port = server.getAddress().getPort();
    try {
      HttpServer again =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      again.createContext("/", this::handle);
      again.start();
      server = again;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port + " again", e);
    }
  }

  /** Answers 503 to everything until {@link #recover}. */
  public void goDown() {
    down = true;
  }

  public void recover() {
    down = false;
  }

  /** While true, answers 503 to every POST; entropy is still served. */
  public void refusePosts(boolean refuse) {
    postsDown = refuse;
  }

  /** Answers 503 to the next {@code n} requests. */
  public void unavailableFor(int n) {
    unavailableFor.set(n);
  }

  /** Answers {@code status} with {@code body} to every POST; 0 restores normal answers. */
  public void answer(int status, String body) {
    forcedStatus = status;
    forcedBody = body;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Every request path in arrival order, including refused ones. */
  public List<String> attempts() {
    return List.copyOf(attempts);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      attempts.add(exchange.getRequestMethod() + " " + path);
      boolean post = exchange.getRequestMethod().equals("POST");
      if (down || (post && postsDown) || unavailableFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        reply(exchange, 503, "application/problem+json", "{\"title\":\"Service Unavailable\"}");
        return;
      }
      if (exchange.getRequestMethod().equals("GET") && path.equals("/v1/entropy/latest")) {
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        byte[] bytes = entropy.toByteArray();
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        return;
      }
      if (forcedStatus != 0) {
        reply(exchange, forcedStatus, "application/problem+json", forcedBody);
        return;
      }
      if (path.endsWith("/batch")) {
        replyBatch(exchange, path.substring(0, path.length() - "/batch".length()), body);
        return;
      }
      received.add(new Received(path, body));
      if (path.equals("/v1/hotspots")) {
        reply(exchange, onboarded.add(sha256(body)) ? 201 : 409, "application/json", "{}");
      } else if (path.startsWith("/v1/hotspots/")) {
        reply(exchange, 200, "application/json", "{}");
      } else {
        Map<String, String> ack = new LinkedHashMap<>();
        ack.put("report_id", sha256(body).substring(0, 16));
        ack.put("received_at", "2025-03-01T12:00:00Z");
        reply(
            exchange,
            202,
            "application/json",
            "{\"report_id\":\""
                + ack.get("report_id")
                + "\",\"received_at\":\""
                + ack.get("received_at")
                + "\"}");
      }
    }
  }

  /** 200 with one 202 result per length-delimited report, as the oracle's batch endpoints. */
  private void replyBatch(HttpExchange exchange, String reportPath, byte[] body)
      throws IOException {
    StringBuilder results = new StringBuilder();
    CodedInputStream in = CodedInputStream.newInstance(body);
    while (!in.isAtEnd()) {
      byte[] report = in.readRawBytes(in.readRawVarint32());
      received.add(new Received(reportPath, report));
      results
          .append(results.length() == 0 ? "" : ",")
          .append("{\"status\":202,\"report_id\":\"")
          .append(sha256(report), 0, 16)
          .append("\",\"received_at\":\"2025-03-01T12:00:00Z\"}");
    }
    reply(exchange, 200, "application/json", "{\"results\":[" + results + "]}");
  }

  private static void reply(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
