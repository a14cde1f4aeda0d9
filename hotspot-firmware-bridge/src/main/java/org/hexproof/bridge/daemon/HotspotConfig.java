package org.hexproof.bridge.daemon;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hexproof.bridge.concentrator.ConcentratorSettings;
import org.hexproof.bridge.outbox.Backoff;
import org.hexproof.bridge.outbox.Batching;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.Region;

/**
 * A hotspot's configuration, read from a Java properties file ({@code key = value}, {@code #}
 * comments). Every key, with its default ({@code hotspot.example.properties} in this package's
 * resources shows them all):
 *
 * <pre>
 * key-file            hotspot key (PKCS#8 PEM or Helium binary); created owner-only if missing
 * network             mainnet | testnet, for a new key (default mainnet)
 * data-dir            outbox and state (default: "data" next to the config file)
 * oracle.url          base URL of the oracle's HTTP API
 * oracle.public-key   base58 oracle key; when set, entropy must be signed by it (optional)
 * owner.public-key    base58 wallet named in the onboarding (default: the hotspot's own key)
 * location            "lat,lng" in degrees or an H3 cell (hex or decimal); asserted at res 12
 * antenna.gain-ddbi   antenna gain, tenths of a dBi (default 0)
 * antenna.elevation-m antenna height above ground, metres (default 0)
 * region              EU868 | US915 | AU915 | AS923-1..4 | WIFI-2G4 (esp-at: WIFI-2G4, the default)
 * radio.type          rak3172 | rn2483 | lora-e5 | esp-at | gateway (a concentrator)
 * radio.device        serial device, e.g. /dev/ttyUSB0 (serial modules only)
 * radio.baud          serial speed (default: the module's factory speed)
 * radio.listen-channel index into the region's beacon channels a LoRa module listens on (default 0)
 * gateway.bind-address gateway only: UDP address for the packet forwarder (default 127.0.0.1)
 * gateway.port        gateway only: UDP port, the forwarder's serv_port_up/down (default 1680)
 * gateway.eui         gateway only: accept only this forwarder's gateway_ID (default: the one that
 *                     connects)
 * beacon.window       one beacon per epoch-aligned window of this length (default 6h)
 * wifi.scan-interval  how often an esp-at hotspot scans for beacons (default 60s)
 * wifi.beacon-duration how long an esp-at beacon SSID stays up (default 5m)
 * outbox.backoff.initial / outbox.backoff.max   retry waits (default 1s / 5m, ±20 % jitter)
 * outbox.batch-reports most waiting reports sent in one request (default 100, 1..500; 1: one each)
 * </pre>
 *
 * Durations are a number and a unit: {@code ms}, {@code s}, {@code m}, {@code h}, {@code d}.
 * Relative paths are resolved against the config file's directory. Unknown keys are refused, so
 * that a typo fails at startup instead of being ignored.
 */
public record HotspotConfig(
    Path keyFile,
    Network network,
    Path dataDir,
    URI oracleUrl,
    Optional<PublicKey> oraclePublicKey,
    Optional<PublicKey> ownerPublicKey,
    H3Cell location,
    int gainDdbi,
    int elevationM,
    Region region,
    RadioType radioType,
    Optional<Path> radioDevice,
    int radioBaud,
    int listenChannel,
    Duration beaconWindow,
    Duration wifiScanInterval,
    Duration wifiBeaconDuration,
    Backoff backoff,
    int batchReports,
    ConcentratorSettings concentrator) {

  /** Resolution of asserted locations (the oracle stores res 12). */
  public static final int LOCATION_RESOLUTION = 12;

  private static final Set<String> KEYS =
      Set.of(
          "key-file",
          "network",
          "data-dir",
          "oracle.url",
          "oracle.public-key",
          "owner.public-key",
          "location",
          "antenna.gain-ddbi",
          "antenna.elevation-m",
          "region",
          "radio.type",
          "radio.device",
          "radio.baud",
          "radio.listen-channel",
          "gateway.bind-address",
          "gateway.port",
          "gateway.eui",
          "beacon.window",
          "wifi.scan-interval",
          "wifi.beacon-duration",
          "outbox.backoff.initial",
          "outbox.backoff.max",
          "outbox.batch-reports");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  /** Validates the combination. */
  public HotspotConfig {
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(oracleUrl, "oracleUrl");
    Objects.requireNonNull(oraclePublicKey, "oraclePublicKey");
    Objects.requireNonNull(ownerPublicKey, "ownerPublicKey");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(radioType, "radioType");
    Objects.requireNonNull(radioDevice, "radioDevice");
    Objects.requireNonNull(beaconWindow, "beaconWindow");
    Objects.requireNonNull(wifiScanInterval, "wifiScanInterval");
    Objects.requireNonNull(wifiBeaconDuration, "wifiBeaconDuration");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(concentrator, "concentrator");
    if (radioType.isWifi() != (region == Region.WIFI_2G4)) {
      throw new IllegalArgumentException(
          "region: radio.type "
              + radioType.configName()
              + " cannot beacon in "
              + region.displayName()
              + " (esp-at goes with WIFI-2G4, LoRa radios with a LoRa region)");
    }
    if (radioType != RadioType.GATEWAY && radioDevice.isEmpty()) {
      throw new IllegalArgumentException(
          "radio.device: required for radio.type " + radioType.configName());
    }
    if (listenChannel < 0 || listenChannel >= region.plan().channelsHz().size()) {
      throw new IllegalArgumentException(
          "radio.listen-channel: expected 0.."
              + (region.plan().channelsHz().size() - 1)
              + ", got "
              + listenChannel);
    }
    if (batchReports < 1 || batchReports > Batching.MAX_RECORDS) {
      throw new IllegalArgumentException(
          "outbox.batch-reports: expected 1.." + Batching.MAX_RECORDS + ", got " + batchReports);
    }
    if (beaconWindow.toSeconds() < 1
        || wifiScanInterval.toMillis() < 1
        || wifiBeaconDuration.toMillis() < 1) {
      throw new IllegalArgumentException("beacon.window, wifi.*: expected positive durations");
    }
  }

  /**
   * Reads and validates a config file.
   *
   * @throws IllegalArgumentException naming the key for a missing, unknown or bad value
   * @throws UncheckedIOException when the file cannot be read
   */
  public static HotspotConfig load(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config " + file, e);
    }
    return fromProperties(p, file.toAbsolutePath().getParent());
  }

  /** Builds a config from properties, resolving relative paths against {@code baseDir}. */
  public static HotspotConfig fromProperties(Properties p, Path baseDir) {
    Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "config: unknown keys " + unknown + "; known: " + new TreeSet<>(KEYS));
    }
    RadioType type = RadioType.parse(required(p, "radio.type"));
    if (type != RadioType.GATEWAY) {
      Set<String> gatewayKeys = new TreeSet<>(p.stringPropertyNames());
      gatewayKeys.removeIf(k -> !k.startsWith("gateway."));
      if (!gatewayKeys.isEmpty()) {
        throw new IllegalArgumentException(
            gatewayKeys + ": only for radio.type gateway, got radio.type " + type.configName());
      }
    }
    Region region =
        optional(p, "region").map(Region::parse).orElse(type.isWifi() ? Region.WIFI_2G4 : null);
    if (region == null) {
      throw new IllegalArgumentException("region: required for radio.type " + type.configName());
    }
    return new HotspotConfig(
        baseDir.resolve(required(p, "key-file")),
        Network.valueOf(optional(p, "network").orElse("mainnet").toUpperCase(Locale.ROOT)),
        baseDir.resolve(optional(p, "data-dir").orElse("data")),
        URI.create(required(p, "oracle.url")),
        optional(p, "oracle.public-key").map(PublicKey::fromBase58),
        optional(p, "owner.public-key").map(PublicKey::fromBase58),
        parseLocation(required(p, "location")),
        integer(p, "antenna.gain-ddbi", 0),
        integer(p, "antenna.elevation-m", 0),
        region,
        type,
        optional(p, "radio.device").map(baseDir::resolve),
        integer(p, "radio.baud", type.defaultBaud()),
        integer(p, "radio.listen-channel", 0),
        duration(p, "beacon.window", Duration.ofHours(6)),
        duration(p, "wifi.scan-interval", Duration.ofSeconds(60)),
        duration(p, "wifi.beacon-duration", Duration.ofMinutes(5)),
        new Backoff(
            duration(p, "outbox.backoff.initial", Duration.ofSeconds(1)),
            duration(p, "outbox.backoff.max", Duration.ofMinutes(5)),
            0.2),
        integer(p, "outbox.batch-reports", Batching.DEFAULT_RECORDS),
        new ConcentratorSettings(
            optional(p, "gateway.bind-address").orElse(ConcentratorSettings.DEFAULT_BIND_ADDRESS),
            integer(p, "gateway.port", ConcentratorSettings.DEFAULT_PORT),
            optional(p, "gateway.eui")));
  }

  /** Parses {@code "lat,lng"} or an H3 cell, giving the cell at {@link #LOCATION_RESOLUTION}. */
  static H3Cell parseLocation(String text) {
    if (text.contains(",")) {
      String[] parts = text.split(",", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException("location: expected \"lat,lng\", got \"" + text + "\"");
      }
      try {
        LatLng point =
            new LatLng(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        return H3Cell.fromLatLng(point, LOCATION_RESOLUTION);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "location: expected \"lat,lng\" in degrees, got \"" + text + "\"", e);
      }
    }
    H3Cell cell = H3Cell.parse(text);
    if (cell.resolution() < LOCATION_RESOLUTION) {
      throw new IllegalArgumentException(
          "location: expected an H3 cell of resolution >= "
              + LOCATION_RESOLUTION
              + ", got resolution "
              + cell.resolution());
    }
    return cell.resolution() == LOCATION_RESOLUTION ? cell : cell.parent(LOCATION_RESOLUTION);
  }

  /** Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 6h}, {@code 1d}. */
  static Duration parseDuration(String key, String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          key + ": expected a duration like 500ms, 30s, 5m, 6h, got \"" + text + "\"");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static String required(Properties p, String key) {
    return optional(p, key).orElseThrow(() -> new IllegalArgumentException(key + ": required"));
  }

  private static Optional<String> optional(Properties p, String key) {
    return Optional.ofNullable(p.getProperty(key)).map(String::trim).filter(s -> !s.isEmpty());
  }

  private static int integer(Properties p, String key, int fallback) {
    Optional<String> text = optional(p, key);
    try {
      return text.map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + ": expected an integer, got \"" + text.get() + "\"", e);
    }
  }

  private static Duration duration(Properties p, String key, Duration fallback) {
    return optional(p, key).map(t -> parseDuration(key, t)).orElse(fallback);
  }
}
