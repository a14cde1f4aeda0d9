package org.hexproof.rewards.feed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.rewards.store.ShareRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the oracle's verified-PoC feed over HTTP (docs/verified-poc-feed.md): {@code GET
 * /v1/poc/feed?after=&limit=} and {@code GET /v1/poc/feed/watermark}.
 *
 * <p>An entry becomes share rows as poc-rules.md §6 says: a {@code valid} beacon gives its hotspot
 * {@code hex_scale × reward_unit}; each {@code valid}, {@code selected} witness of it gives the
 * witness {@code beacon.hex_scale × witness.reward_unit}; rows with 0 shares are not kept. An entry
 * with a missing or malformed field is dropped whole and counted ({@link FeedPage#malformed()});
 * the cursor still moves past it.
 */
public final class FeedClient {
  private static final Logger LOG = LoggerFactory.getLogger(FeedClient.class);
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * Creates a client.
   *
   * @param base the oracle's base URL, e.g. {@code http://localhost:8080}; not null
   * @param timeout longest wait for a response
   */
  public FeedClient(URI base, Duration timeout) {
    String text = Objects.requireNonNull(base, "base").toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * The oracle's watermark.
   *
   * @return {@code verified_through}
   * @throws FeedUnavailableException if the oracle does not answer as the contract says
   */
  public Instant watermark() {
    JsonNode body = get("/v1/poc/feed/watermark");
    try {
      return Instant.parse(body.get("verified_through").asText());
    } catch (DateTimeException | NullPointerException e) {
      throw new FeedUnavailableException("watermark: expected verified_through, got " + body, e);
    }
  }

  /**
   * One page after a cursor.
   *
   * @param after the last id already processed, ≥ 0
   * @param limit most entries, 1..5000
   * @return the page
   * @throws FeedUnavailableException if the oracle does not answer as the contract says
   */
  public FeedPage page(long after, int limit) {
    JsonNode body = get("/v1/poc/feed?after=" + after + "&limit=" + limit);
    JsonNode entries = body.get("entries");
    JsonNode lastId = body.get("last_id");
    if (entries == null || !entries.isArray() || lastId == null || !lastId.canConvertToLong()) {
      throw new FeedUnavailableException(
          "feed page: expected entries and last_id, got " + abbreviate(body), null);
    }
    List<ShareRow> rows = new ArrayList<>();
    int malformed = 0;
    for (JsonNode entry : entries) {
      try {
        rows.addAll(rows(entry));
      } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
        malformed++;
        LOG.debug("feed entry dropped: {}: {}", e.getMessage(), abbreviate(entry));
      }
    }
    return new FeedPage(entries.size(), Math.max(after, lastId.asLong()), rows, malformed);
  }

  /**
   * The share rows of one feed entry.
   *
   * @param entry one entry of the feed contract; not null
   * @return its rows, possibly none
   * @throws IllegalArgumentException if a field is missing or malformed
   */
  static List<ShareRow> rows(JsonNode entry) {
    long id = required(entry, "id").asLong();
    if (id <= 0) {
      throw new IllegalArgumentException("id: expected > 0, got " + id);
    }
    JsonNode beacon = required(entry, "beacon");
    if (!"valid".equals(required(beacon, "verdict").asText())) {
      return List.of();
    }
    Instant receivedAt = Instant.parse(required(beacon, "received_at").asText());
    BigDecimal hexScale = decimal(beacon, "hex_scale");
    List<ShareRow> rows = new ArrayList<>();
    BigDecimal beaconShares = hexScale.multiply(decimal(beacon, "reward_unit"));
    if (beaconShares.signum() > 0) {
      rows.add(row(id, ShareRow.Role.BEACON, beacon, receivedAt, beaconShares));
    }
    JsonNode witnesses = entry.get("witnesses");
    if (witnesses != null && witnesses.isArray()) {
      for (JsonNode w : witnesses) {
        if (!"valid".equals(required(w, "verdict").asText())
            || !required(w, "selected").asBoolean()) {
          continue;
        }
        BigDecimal shares = hexScale.multiply(decimal(w, "reward_unit"));
        if (shares.signum() > 0) {
          rows.add(row(id, ShareRow.Role.WITNESS, w, receivedAt, shares));
        }
      }
    }
    return rows;
  }

  private static ShareRow row(
      long id, ShareRow.Role role, JsonNode node, Instant receivedAt, BigDecimal shares) {
    return new ShareRow(
        id,
        role,
        PublicKey.fromBase58(required(node, "hotspot").asText()),
        PublicKey.fromBase58(required(node, "owner").asText()),
        receivedAt,
        shares);
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(field + ": missing");
    }
    return value;
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode value = required(node, field);
    BigDecimal decimal = value.isTextual() ? new BigDecimal(value.asText()) : value.decimalValue();
    if (decimal.signum() < 0) {
      throw new IllegalArgumentException(field + ": expected ≥ 0, got " + decimal);
    }
    return decimal;
  }

  private JsonNode get(String path) {
    URI uri = URI.create(base + path);
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
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
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new FeedUnavailableException("GET " + uri + ": expected JSON: " + e.getMessage(), e);
    }
  }

  private static String abbreviate(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() > 200 ? text.substring(0, 197) + "..." : text;
  }
}
