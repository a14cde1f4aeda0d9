package org.hexproof.bridge.daemon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.bridge.outbox.DeadLetter;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.OutboxSummary;

/**
 * A snapshot of a hotspot, from a running daemon ({@link HotspotDaemon#status}) or from its data
 * directory alone ({@link #read}).
 *
 * @param key the hotspot's base58 public key; empty before the first start created it
 * @param location the asserted H3 cell
 * @param region the region name
 * @param radio radio type and device
 * @param lastBeacon the last beacon sent
 * @param witnessesSent witness reports queued, ever
 * @param outboxDepth reports waiting for delivery
 * @param parked reports the oracle refused for good
 * @param lastError the last failure recorded
 */
public record HotspotStatus(
    Optional<String> key,
    String location,
    String region,
    String radio,
    Optional<BeaconSummary> lastBeacon,
    long witnessesSent,
    int outboxDepth,
    List<DeadLetter> parked,
    Optional<String> lastError) {

  /** Validates and copies. */
  public HotspotStatus {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(radio, "radio");
    Objects.requireNonNull(lastBeacon, "lastBeacon");
    Objects.requireNonNull(lastError, "lastError");
    parked = List.copyOf(parked);
  }

  /**
   * Reads the status from the files of the config's data directory without locking or changing
   * them, so it works next to a running daemon.
   */
  public static HotspotStatus read(HotspotConfig config) {
    DaemonState state = DaemonState.read(config.dataDir());
    OutboxSummary outbox = Outbox.inspect(HotspotDaemon.outboxDir(config));
    return of(
        config,
        KeyFiles.publicKeyIn(config.keyFile(), config.network()).map(k -> k.toBase58()),
        state,
        outbox.depth(),
        outbox.parked());
  }

  /** {@code rak3172 on /dev/ttyUSB0}, or {@code gateway on UDP 127.0.0.1:1680}. */
  private static String radio(HotspotConfig config) {
    if (config.radioType() == RadioType.GATEWAY) {
      return "gateway on UDP "
          + config.concentrator().bindAddress()
          + ":"
          + config.concentrator().port()
          + config.concentrator().gatewayEui().map(eui -> " for " + eui).orElse("");
    }
    return config.radioType().configName() + config.radioDevice().map(d -> " on " + d).orElse("");
  }

  static HotspotStatus of(
      HotspotConfig config,
      Optional<String> key,
      DaemonState state,
      int depth,
      List<DeadLetter> parked) {
    return new HotspotStatus(
        key,
        config.location().toString(),
        config.region().displayName(),
        radio(config),
        state.lastBeacon(),
        state.witnessesSent(),
        depth,
        parked,
        state.lastError());
  }

  /** The status as JSON-ready maps and lists, snake_case keys; absent values are left out. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    key.ifPresent(k -> out.put("key", k));
    out.put("location", location);
    out.put("region", region);
    out.put("radio", radio);
    lastBeacon.ifPresent(
        b -> {
          Map<String, Object> beacon = new LinkedHashMap<>();
          beacon.put("window", b.window());
          beacon.put("sent_at", b.sentAt().toString());
          beacon.put("id", b.id());
          beacon.put("frequency_hz", b.frequencyHz());
          beacon.put("datarate", b.dataRate());
          beacon.put("tx_power_dbm", b.txPowerDbm());
          out.put("last_beacon", beacon);
        });
    out.put("witnesses_sent", witnessesSent);
    out.put("outbox_depth", outboxDepth);
    out.put(
        "parked",
        parked.stream()
            .map(
                d -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", d.id());
                  m.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
                  m.put("reason", d.reason());
                  m.put("parked_at", d.parkedAt().toString());
                  return m;
                })
            .toList());
    lastError.ifPresent(e -> out.put("last_error", e));
    return out;
  }
}
