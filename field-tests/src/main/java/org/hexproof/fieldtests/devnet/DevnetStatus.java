package org.hexproof.fieldtests.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Reads what the devnet is doing over its own HTTP API, as any client could: the oracle's, rewards'
 * and coverage's meters from {@code /prometheus}, minted epochs from {@code
 * /v1/rewards/epochs/{n}}. One instance caches minted epochs (they never change).
 */
public final class DevnetStatus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<Long, Long> rewardedByEpoch = new ConcurrentHashMap<>();

  /** A reader of the devnet at {@code base} (ending in {@code /}). */
  public DevnetStatus(URI base) {
    this.base = base;
  }

  /**
   * One reading.
   *
   * @param witnessReports witness reports the oracle accepted
   * @param beaconReports beacon reports the oracle accepted
   * @param verdicts verdict counts by "kind verdict reason"
   * @param feedEntries feed entries the rewards service has read
   * @param epochsMinted epochs minted since this process started (rewards' counter)
   * @param lastClosedEpoch index of the last minted epoch, if any
   * @param rewardedBaseUnits beacon + witness rewards of every minted epoch, base units
   * @param tokenDecimals decimals of the token
   * @param coverageCells cells on the coverage map
   */
  public record Snapshot(
      long beaconReports,
      long witnessReports,
      Map<String, Long> verdicts,
      long feedEntries,
      long epochsMinted,
      Optional<Long> lastClosedEpoch,
      long rewardedBaseUnits,
      int tokenDecimals,
      long coverageCells) {

    /** Valid beacons verified so far. */
    public long validBeacons() {
      return verdicts.getOrDefault("beacon valid", 0L);
    }

    /** Rewards, in tokens. */
    public BigDecimal rewardedTokens() {
      return BigDecimal.valueOf(rewardedBaseUnits, tokenDecimals);
    }
  }

  /**
   * Reads the meters and the minted epochs.
   *
   * @throws IOException when the devnet does not answer
   */
  public Snapshot read() throws IOException {
    Map<String, Double> meters = new TreeMap<>();
    Map<String, Long> verdicts = new TreeMap<>();
    for (String line : get("prometheus").body().split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      String series = line.substring(0, space);
      double value;
      try {
        value = Double.parseDouble(line.substring(space + 1));
      } catch (NumberFormatException e) {
        continue;
      }
      meters.merge(series, value, Double::sum);
      if (series.startsWith("hexproof_oracle_verdicts_total{")) {
        String key = label(series, "kind") + " " + label(series, "verdict");
        String reason = label(series, "reason");
        if (!"none".equals(reason)) {
          key += " " + reason;
        }
        verdicts.merge(key, (long) value, Long::sum);
      }
    }
    long minted = (long) sum(meters, "hexproof_rewards_epochs_minted_total");
    Optional<Long> last =
        meters.entrySet().stream()
            .filter(e -> e.getKey().startsWith("hexproof_rewards_epochs_last_closed"))
            .map(e -> e.getValue().longValue())
            .filter(v -> v >= 0)
            .findFirst();
    int decimals = 8;
    if (last.isPresent() && minted > 0) {
      for (long epoch = last.get(); !rewardedByEpoch.containsKey(epoch); epoch--) {
        HttpResponse<String> r = get("v1/rewards/epochs/" + epoch);
        if (r.statusCode() != 200) {
          break;
        }
        JsonNode n = JSON.readTree(r.body());
        decimals = field(n, "tokenDecimals", "token_decimals").asInt(8);
        rewardedByEpoch.put(
            epoch,
            field(n, "beaconTotal", "beacon_total").asLong()
                + field(n, "witnessTotal", "witness_total").asLong());
      }
    }
    return new Snapshot(
        ingested(meters, "beacon"),
        ingested(meters, "witness"),
        verdicts,
        (long) sum(meters, "hexproof_rewards_feed_entries_total"),
        minted,
        last,
        rewardedByEpoch.values().stream().mapToLong(Long::longValue).sum(),
        decimals,
        (long) sum(meters, "hexproof_coverage_cells"));
  }

  /**
   * Reads every two seconds until {@code done} holds or {@code budget} of wall time has passed.
   *
   * @return the last reading, whether or not {@code done} holds for it
   * @throws IOException when the devnet does not answer
   * @throws InterruptedException when interrupted while waiting
   */
  public Snapshot await(Predicate<Snapshot> done, Duration budget)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(budget);
    Snapshot snapshot = read();
    while (!done.test(snapshot) && Instant.now().isBefore(deadline)) {
      Thread.sleep(2_000);
      snapshot = read();
    }
    return snapshot;
  }

  /**
   * A GET under the base URL.
   *
   * @throws IOException when it fails or is interrupted
   */
  public HttpResponse<String> get(String path) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * An empty PUT under the base URL with a bearer token (the operator's denylist changes).
   *
   * @return the status
   * @throws IOException when it fails or is interrupted
   */
  public int put(String path, String bearerToken) throws IOException {
    try {
      return http.send(
              HttpRequest.newBuilder(base.resolve(path))
                  .timeout(Duration.ofSeconds(10))
                  .header("Authorization", "Bearer " + bearerToken)
                  .PUT(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static long ingested(Map<String, Double> meters, String kind) {
    return meters.entrySet().stream()
        .filter(e -> e.getKey().startsWith("hexproof_oracle_ingest_total{"))
        .filter(e -> kind.equals(label(e.getKey(), "kind")))
        .filter(e -> "accepted".equals(label(e.getKey(), "outcome")))
        .mapToLong(e -> e.getValue().longValue())
        .sum();
  }

  private static double sum(Map<String, Double> meters, String name) {
    return meters.entrySet().stream()
        .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  private static String label(String series, String name) {
    String key = name + "=\"";
    int at = series.indexOf(key);
    if (at < 0) {
      return "";
    }
    int from = at + key.length();
    return series.substring(from, series.indexOf('"', from));
  }

  private static JsonNode field(JsonNode n, String camel, String snake) {
    return n.has(camel) ? n.get(camel) : n.path(snake);
  }
}
