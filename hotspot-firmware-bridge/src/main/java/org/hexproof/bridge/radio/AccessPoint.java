package org.hexproof.bridge.radio;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A WiFi access point a scan saw.
 *
 * @param ssid network name, at most 32 bytes, may be empty for hidden networks
 * @param rssiDbm received signal strength, dBm
 * @param channel 2.4 GHz channel 1..14 (5 GHz channels up to 196 are accepted)
 * @param mac BSSID as lower-case {@code aa:bb:cc:dd:ee:ff}
 */
public record AccessPoint(String ssid, int rssiDbm, int channel, String mac) {
  private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

  /** Validates and lower-cases the MAC. */
  public AccessPoint {
    Objects.requireNonNull(ssid, "ssid");
    mac = Objects.requireNonNull(mac, "mac").toLowerCase(java.util.Locale.ROOT);
    if (!MAC.matcher(mac).matches()) {
      throw new IllegalArgumentException("mac: expected aa:bb:cc:dd:ee:ff, got \"" + mac + "\"");
    }
    if (channel < 1 || channel > 196) {
      throw new IllegalArgumentException("channel: expected 1..196, got " + channel);
    }
  }
}
