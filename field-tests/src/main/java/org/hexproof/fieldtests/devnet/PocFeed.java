package org.hexproof.fieldtests.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The oracle's verified-PoC feed as a client reads it ({@code docs/verified-poc-feed.md}),
 * flattened into one row per verdict. Read by the scenario tests and the devnet command's test.
 */
public final class PocFeed {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One verdict of the feed.
   *
   * @param kind {@code beacon} or {@code witness}
   * @param reportId the report's id
   * @param hotspot who sent the report
   * @param beaconer who sent the beacon (the same as {@code hotspot} for a beacon)
   * @param beaconReceivedAt the beacon's receive time (it decides the epoch)
   * @param valid the verdict
   * @param reason the reason name when invalid
   * @param selected a witness chosen for rewards
   * @param rewardUnit the report's reward units
   * @param signalDdbm a witness's reported RSSI, ddBm; empty for a beacon
   */
  public record Verdict(
      String kind,
      String reportId,
      String hotspot,
      String beaconer,
      Instant beaconReceivedAt,
      boolean valid,
      Optional<String> reason,
      boolean selected,
      double rewardUnit,
      java.util.OptionalInt signalDdbm) {

    /** Whether this is a beacon's verdict. */
    public boolean isBeacon() {
      return kind.equals("beacon");
    }

    /** A valid beacon, or a valid selected witness, with reward units. */
    public boolean rewarded() {
      return valid && rewardUnit > 0 && (isBeacon() || selected);
    }
  }

  private PocFeed() {}

  /** Every verdict of the feed, in feed order. */
  public static List<Verdict> read(DevnetStatus http) throws IOException {
    List<Verdict> out = new ArrayList<>();
    long after = 0;
    while (true) {
      JsonNode page = JSON.readTree(http.get("v1/poc/feed?limit=5000&after=" + after).body());
      JsonNode entries = page.path("entries");
      if (entries.isEmpty()) {
        return out;
      }
      for (JsonNode e : entries) {
        JsonNode b = e.path("beacon");
        String beaconer = b.path("hotspot").asText();
        Instant at = Instant.parse(b.path("received_at").asText());
        out.add(verdict("beacon", b, beaconer, at));
        for (JsonNode w : e.path("witnesses")) {
          out.add(verdict("witness", w, beaconer, at));
        }
      }
      after = page.path("last_id").asLong();
    }
  }

  /** The feed's watermark: every beacon received before it is in the feed. */
  public static Instant watermark(DevnetStatus http) throws IOException {
    return Instant.parse(
        JSON.readTree(http.get("v1/poc/feed/watermark").body()).path("verified_through").asText());
  }

  private static Verdict verdict(String kind, JsonNode n, String beaconer, Instant at) {
    return new Verdict(
        kind,
        n.path("report_id").asText(),
        n.path("hotspot").asText(),
        beaconer,
        at,
        n.path("verdict").asText().equals("valid"),
        n.path("reason").isTextual() ? Optional.of(n.path("reason").asText()) : Optional.empty(),
        n.path("selected").asBoolean(false),
        Double.parseDouble(n.path("reward_unit").asText("0")),
        n.path("signal_ddbm").isInt()
            ? java.util.OptionalInt.of(n.path("signal_ddbm").asInt())
            : java.util.OptionalInt.empty());
  }
}
