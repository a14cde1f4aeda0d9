package org.hexproof.bridge.daemon;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The radio a hotspot drives, as named in the config's {@code radio.type}, with the module's
 * default serial speed and the conducted power range its AT command set accepts (radio.md §4).
 */
public enum RadioType {
  /** RAK3172, RUI3 LoRa P2P: 115200 baud, {@code AT+P2P} power 5..22 dBm. */
  RAK3172("rak3172", 115_200, 5, 22),
  /** Microchip RN2483: 57600 baud, {@code radio set pwr} -3..15 dBm. */
  RN2483("rn2483", 57_600, -3, 15),
  /** Seeed LoRa-E5 test mode: 9600 baud, RFCFG power -1..22 dBm. */
  LORA_E5("lora-e5", 9_600, -1, 22),
  /** ESP32 with ESP-AT (WiFi beacons as soft-AP SSIDs): 115200 baud. */
  ESP_AT("esp-at", 115_200, 0, 20),
  /**
   * A concentrator whose Semtech packet forwarder connects to lora-gateway's server over UDP; the
   * range is only the daemon's sanity bound, the region's EIRP rule decides.
   */
  GATEWAY("gateway", 0, -10, 30);

  private final String configName;
  private final int defaultBaud;
  private final int minPowerDbm;
  private final int maxPowerDbm;

  RadioType(String configName, int defaultBaud, int minPowerDbm, int maxPowerDbm) {
    this.configName = configName;
    this.defaultBaud = defaultBaud;
    this.minPowerDbm = minPowerDbm;
    this.maxPowerDbm = maxPowerDbm;
  }

  /** The name in the config file, e.g. {@code lora-e5}. */
  public String configName() {
    return configName;
  }

  /** The module's factory serial speed, baud; 0 for {@link #GATEWAY}. */
  public int defaultBaud() {
    return defaultBaud;
  }

  /** Whether this radio beacons over WiFi rather than LoRa. */
  public boolean isWifi() {
    return this == ESP_AT;
  }

  /** {@code dBm} limited to what the module accepts. */
  public int clampPowerDbm(int dBm) {
    return Math.max(minPowerDbm, Math.min(maxPowerDbm, dBm));
  }

  /**
   * Parses a config name, ignoring case.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static RadioType parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(t -> t.configName.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "radio.type: expected one of "
                        + Arrays.stream(values())
                            .map(RadioType::configName)
                            .collect(Collectors.joining(", "))
                        + ", got \""
                        + name
                        + "\""));
  }
}
