package org.hexproof.core.radio;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The regions hotspots operate in, each with the channel plan beacons use.
 *
 * <p>LoRa plans are Helium's region parameters (radio.md §2.2: eight 125 kHz channels 200 kHz
 * apart, {@code max_eirp}, size-to-SF table) with the LoRaWAN regional limits of radio.md §3.3
 * (EU868 duty-cycle sub-bands; 400 ms dwell time in US915, AU915 and AS923). AS923-2..4 are AS923-1
 * shifted by −1.8, −6.6 and −5.9 MHz; their EIRP is the AS923 default of 16 dBm.
 */
public enum Region {
  EU868("EU868", lora(867_100_000L, 161, eu868Spreading(), eu868DutyCycle(), Optional.empty())),
  US915("US915", lora(903_900_000L, 360, us915Spreading(), List.of(), dwell400Ms())),
  AU915("AU915", lora(916_800_000L, 300, asAuSpreading(), List.of(), dwell400Ms())),
  AS923_1("AS923-1", lora(923_200_000L, 160, asAuSpreading(), as923DutyCycle(), dwell400Ms())),
  AS923_2("AS923-2", lora(921_400_000L, 160, asAuSpreading(), as923DutyCycle(), dwell400Ms())),
  AS923_3("AS923-3", lora(916_600_000L, 160, asAuSpreading(), as923DutyCycle(), dwell400Ms())),
  AS923_4("AS923-4", lora(917_300_000L, 160, asAuSpreading(), as923DutyCycle(), dwell400Ms())),
  /** WiFi 2.4 GHz, channels 1–13 at 2412 + 5·(n−1) MHz; 20 dBm EIRP (ETSI EN 300 328). */
  WIFI_2G4(
      "WIFI-2G4",
      new ChannelPlan(
          RadioTechnology.WIFI,
          LongStream.rangeClosed(1, 13)
              .map(n -> 2_412_000_000L + 5_000_000L * (n - 1))
              .boxed()
              .toList(),
          20_000_000L,
          200,
          List.of(),
          List.of(),
          Optional.empty()));

  private final String displayName;
  private final ChannelPlan plan;

  Region(String displayName, ChannelPlan plan) {
    this.displayName = displayName;
    this.plan = plan;
  }

  /** The name operators write: "EU868", "AS923-1", "WIFI-2G4". */
  public String displayName() {
    return displayName;
  }

  /** The channels and limits of this region. */
  public ChannelPlan plan() {
    return plan;
  }

  /**
   * Parses a region name, ignoring case and accepting '_' for '-' ("as923_1"); plain "AS923" means
   * AS923-1.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static Region parse(String name) {
    String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('_', '-');
    if (wanted.equals("AS923")) {
      return AS923_1;
    }
    return Arrays.stream(values())
        .filter(r -> r.displayName.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "region: expected one of "
                        + Arrays.stream(values())
                            .map(Region::displayName)
                            .collect(Collectors.joining(", "))
                        + ", got \""
                        + name
                        + "\""));
  }

  /** The wire value of this region. */
  public org.hexproof.core.proto.Region toProto() {
    return switch (this) {
      case EU868 -> org.hexproof.core.proto.Region.EU868;
      case US915 -> org.hexproof.core.proto.Region.US915;
      case AU915 -> org.hexproof.core.proto.Region.AU915;
      case AS923_1 -> org.hexproof.core.proto.Region.AS923_1;
      case AS923_2 -> org.hexproof.core.proto.Region.AS923_2;
      case AS923_3 -> org.hexproof.core.proto.Region.AS923_3;
      case AS923_4 -> org.hexproof.core.proto.Region.AS923_4;
      case WIFI_2G4 -> org.hexproof.core.proto.Region.WIFI_2G4_PLAN;
    };
  }

  /** The region a wire value names; empty for {@code REGION_UNSPECIFIED} and unknown codes. */
  public static Optional<Region> fromProto(org.hexproof.core.proto.Region region) {
    return Arrays.stream(values()).filter(r -> r.toProto() == region).findFirst();
  }

  private static ChannelPlan lora(
      long firstChannelHz,
      int maxEirpDdbm,
      List<SpreadingLimit> spreading,
      List<DutyCycleBand> dutyCycle,
      Optional<Duration> dwell) {
    List<Long> channels =
        LongStream.range(0, 8).map(i -> firstChannelHz + 200_000L * i).boxed().toList();
    return new ChannelPlan(
        RadioTechnology.LORA, channels, 125_000L, maxEirpDdbm, spreading, dutyCycle, dwell);
  }

  private static List<SpreadingLimit> eu868Spreading() {
    return List.of(
        new SpreadingLimit(65, 12), new SpreadingLimit(129, 9), new SpreadingLimit(238, 8));
  }

  private static List<SpreadingLimit> us915Spreading() {
    return List.of(
        new SpreadingLimit(25, 10),
        new SpreadingLimit(67, 9),
        new SpreadingLimit(139, 8),
        new SpreadingLimit(256, 7));
  }

  private static List<SpreadingLimit> asAuSpreading() {
    return List.of(
        new SpreadingLimit(25, 12),
        new SpreadingLimit(25, 11),
        new SpreadingLimit(25, 10),
        new SpreadingLimit(67, 9),
        new SpreadingLimit(139, 8),
        new SpreadingLimit(256, 7));
  }

  /** ETSI EN 300 220 sub-bands of 863–870 MHz (radio.md §3.3). */
  private static List<DutyCycleBand> eu868DutyCycle() {
    return List.of(
        new DutyCycleBand(863_000_000L, 865_000_000L, 10),
        new DutyCycleBand(865_000_000L, 868_000_000L, 100),
        new DutyCycleBand(868_000_000L, 868_600_000L, 100),
        new DutyCycleBand(868_700_000L, 869_200_000L, 10),
        new DutyCycleBand(869_400_000L, 869_650_000L, 1000),
        new DutyCycleBand(869_700_000L, 870_000_000L, 100));
  }

  /** LoRaMac-node's AS923 band: 1 % over 915–928 MHz (radio.md §3.3). */
  private static List<DutyCycleBand> as923DutyCycle() {
    return List.of(new DutyCycleBand(915_000_000L, 928_000_000L, 100));
  }

  private static Optional<Duration> dwell400Ms() {
    return Optional.of(Duration.ofMillis(400));
  }
}
