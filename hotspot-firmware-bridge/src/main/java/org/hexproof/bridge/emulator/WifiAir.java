package org.hexproof.bridge.emulator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 2.4 GHz air between emulated WiFi modules: soft access points advertise here, and every other
 * module's scan sees them all at one fixed RSSI.
 */
public final class WifiAir implements WifiMedium {
  private final int rssiDbm;
  private final Map<String, SoftAp> advertised = new ConcurrentHashMap<>();

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

  @Override
  public void advertise(SoftAp ap) {
    advertised.put(ap.mac(), ap);
  }

  @Override
  public void withdraw(String mac) {
    advertised.remove(mac);
  }

  /** Every access point except the scanner's own, at {@link #rssiDbm()}, ordered by MAC. */
  @Override
  public List<HeardAp> visibleFrom(String scannerMac) {
    return advertised.values().stream()
        .filter(ap -> !ap.mac().equals(scannerMac))
        .sorted(Comparator.comparing(SoftAp::mac))
        .map(ap -> new HeardAp(ap, rssiDbm))
        .toList();
  }
}
