package org.hexproof.bridge.emulator;

import java.util.List;
import java.util.Objects;

/**
 * The 2.4 GHz air as an {@link EspAtEmulator} needs it: soft access points go up and down, and a
 * scan sees some of the others, each at its own RSSI. Implementations decide who sees whom, and how
 * well ({@link WifiAir}: everyone, at one fixed RSSI). Thread-safe.
 */
public interface WifiMedium {

  /**
   * A soft access point on the air.
   *
   * @param mac BSSID, lower case
   * @param ssid network name
   * @param channel 1..13
   * @param encryption ESP-AT ecn: 0 open, 2 WPA, 3 WPA2, 4 WPA/WPA2
   */
  record SoftAp(String mac, String ssid, int channel, int encryption) {
    /** Validates. */
    public SoftAp {
      Objects.requireNonNull(mac, "mac");
      Objects.requireNonNull(ssid, "ssid");
    }
  }

  /**
   * An access point a scanner sees, with the RSSI it measures.
   *
   * @param ap the access point
   * @param rssiDbm dBm, as {@code AT+CWLAP} reports it
   */
  record HeardAp(SoftAp ap, int rssiDbm) {
    /** Validates. */
    public HeardAp {
      Objects.requireNonNull(ap, "ap");
    }
  }

  /** Starts or replaces the access point with this MAC. */
  void advertise(SoftAp ap);

  /** Stops the access point with this MAC, if any. */
  void withdraw(String mac);

  /** The access points the module with this MAC sees, except its own, ordered by MAC. */
  List<HeardAp> visibleFrom(String scannerMac);
}
