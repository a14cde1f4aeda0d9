package org.hexproof.bridge.emulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 2.4 GHz air between emulated WiFi modules: soft access points advertise here, and every other
 * module's scan sees them all at one fixed RSSI.
 */
public final class WifiAir {
  private final int rssiDbm;
  private final Map<String, SoftAp> advertised = new ConcurrentHashMap<>();

  /**
   * A soft access point on the air.
   *
   * @param mac BSSID, lower case
   * @param ssid network name
   * @param channel 1..13
   * @param encryption ESP-AT ecn: 0 open, 2 WPA, 3 WPA2, 4 WPA/WPA2
   */
  public record SoftAp(String mac, String ssid, int channel, int encryption) {
    /** Validates. */
    public SoftAp {
      Objects.requireNonNull(mac, "mac");
      Objects.requireNonNull(ssid, "ssid");
    }
  }

  /**
   * @param rssiDbm what every scanner measures, dBm
   */
  public WifiAir(int rssiDbm) {
    this.rssiDbm = rssiDbm;
  }

  /** The RSSI every scanner measures, dBm. */
  public int rssiDbm() {
    return rssiDbm;
  }

  /** Starts or replaces the access point with this MAC. */
  public void advertise(SoftAp ap) {
    advertised.put(ap.mac(), ap);
  }

  /** Stops the access point with this MAC, if any. */
  public void withdraw(String mac) {
    advertised.remove(mac);
  }

  /** Every access point except the scanner's own, ordered by MAC. */
  public List<SoftAp> visibleFrom(String scannerMac) {
    return advertised.values().stream()
        .filter(ap -> !ap.mac().equals(scannerMac))
        .sorted(java.util.Comparator.comparing(SoftAp::mac))
        .toList();
  }
}
