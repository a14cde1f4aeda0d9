package org.hexproof.poc.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.radio.Region;
import org.hexproof.poc.verify.Verdict;

/**
 * Renders one entry of the verified-PoC feed exactly as docs/verified-poc-feed.md specifies: field
 * names and order, instants with milliseconds in UTC, decimals as strings of at most 4 decimals,
 * locations as decimal H3 indexes, {@code null} where the contract allows it.
 */
public final class FeedEntries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final int DECIMALS = 4;

  private FeedEntries() {}

  /**
   * The beacon half of an entry.
   *
   * @param reportId the beacon's report id
   * @param hotspot beaconer key
   * @param owner beaconer's wallet, empty if unknown
   * @param location asserted location, empty if none
   * @param region asserted region, empty if none
   * @param gainDdbi antenna gain, tenths of a dBi
   * @param receivedAt oracle receive time
   * @param frequencyHz reported frequency
   * @param datarate reported datarate name
   * @param txPowerDbm reported transmit power
   * @param verdict the beacon's verdict
   * @param ruleProfile the name of the rule profile that judged the beacon and every witness of the
   *     entry ({@code RuleProfiles}: the beaconer's radio chooses it), e.g. {@code helium-iot-2025}
   *     or {@code wifi-2g4}
   * @param hexScale the beaconer's scale (0 when invalid)
   * @param rewardUnit the beaconer's units
   */
  public record Beacon(
      String reportId,
      String hotspot,
      Optional<String> owner,
      Optional<H3Cell> location,
      Optional<Region> region,
      int gainDdbi,
      Instant receivedAt,
      long frequencyHz,
      String datarate,
      int txPowerDbm,
      Verdict verdict,
      String ruleProfile,
      BigDecimal hexScale,
      BigDecimal rewardUnit) {
    /** Validates. */
    public Beacon {
      Objects.requireNonNull(ruleProfile, "ruleProfile");
    }
  }

  /**
   * One witness of an entry.
   *
   * @param reportId the witness's report id
   * @param hotspot witness key
   * @param owner its wallet, empty if the witness is not in the registry
   * @param location its asserted location, empty if none
   * @param receivedAt oracle receive time
   * @param signalDdbm RSSI, tenths of a dBm
   * @param snrDdb SNR, tenths of a dB
   * @param frequencyHz reported frequency
   * @param distanceMeters rounded metres between the beaconer's and the witness's cell centres,
   *     empty when either is not asserted
   * @param verdict its verdict
   * @param selected whether it earns
   * @param rewardUnit its units (0 unless selected)
   */
  public record Witness(
      String reportId,
      String hotspot,
      Optional<String> owner,
      Optional<H3Cell> location,
      Instant receivedAt,
      int signalDdbm,
      int snrDdb,
      long frequencyHz,
      OptionalLong distanceMeters,
      Verdict verdict,
      boolean selected,
      BigDecimal rewardUnit) {}

  /**
   * Renders an entry.
   *
   * @param id the feed id
   * @param verifiedAt when the verifier wrote it
   * @param beacon the beacon
   * @param witnesses the witnesses in receive order
   * @return one JSON object, no whitespace
   */
  public static String render(long id, Instant verifiedAt, Beacon beacon, List<Witness> witnesses) {
    Objects.requireNonNull(beacon, "beacon");
    ObjectNode entry = JSON.createObjectNode();
    entry.put("id", id);
    entry.put("verified_at", instant(verifiedAt));
    ObjectNode b = entry.putObject("beacon");
    b.put("report_id", beacon.reportId());
    b.put("hotspot", beacon.hotspot());
    b.put("owner", beacon.owner().orElse(null));
    b.put("location", beacon.location().map(H3Cell::toDecimalString).orElse(null));
    b.put("region", beacon.region().map(Region::displayName).orElse(null));
    b.put("gain_ddbi", beacon.gainDdbi());
    b.put("received_at", instant(beacon.receivedAt()));
    b.put("frequency_hz", beacon.frequencyHz());
    b.put("datarate", beacon.datarate());
    b.put("tx_power_dbm", beacon.txPowerDbm());
    verdict(b, beacon.verdict());
    b.put("rule_profile", beacon.ruleProfile());
    b.put("hex_scale", decimal(beacon.hexScale()));
    b.put("reward_unit", decimal(beacon.rewardUnit()));
    var list = entry.putArray("witnesses");
    for (Witness w : witnesses) {
      ObjectNode o = list.addObject();
      o.put("report_id", w.reportId());
      o.put("hotspot", w.hotspot());
      o.put("owner", w.owner().orElse(null));
      o.put("location", w.location().map(H3Cell::toDecimalString).orElse(null));
      o.put("received_at", instant(w.receivedAt()));
      o.put("signal_ddbm", w.signalDdbm());
      o.put("snr_ddb", w.snrDdb());
      o.put("frequency_hz", w.frequencyHz());
      if (w.distanceMeters().isPresent()) {
        o.put("distance_m", w.distanceMeters().getAsLong());
      } else {
        o.putNull("distance_m");
      }
      verdict(o, w.verdict());
      o.put("selected", w.selected());
      o.put("reward_unit", decimal(w.rewardUnit()));
    }
    try {
      return JSON.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  private static void verdict(ObjectNode node, Verdict verdict) {
    node.put("verdict", verdict.label());
    node.put("reason", verdict.reasonName().orElse(null));
  }

  /** An instant as the feed writes it: UTC, milliseconds, {@code Z}. */
  public static String instant(Instant at) {
    return INSTANT.format(at);
  }

  /** A decimal as the feed writes it: at most 4 decimals (half-even), no trailing zeros. */
  public static String decimal(BigDecimal value) {
    return value.setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }
}
