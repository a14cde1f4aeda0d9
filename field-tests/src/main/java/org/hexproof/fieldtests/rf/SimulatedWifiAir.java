package org.hexproof.fieldtests.rf;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hexproof.bridge.emulator.WifiMedium;

/**
 * 2.4 GHz air with positions, the {@link WifiMedium} of ESP-AT emulators in field tests and the
 * devnet: a scanner sees an access point when its 1 Mb/s beacons clear the WiFi floor of {@link
 * LinkBudget#wifi}, at the RSSI the link budget gives, rounded down to whole dBm. The shadowing of
 * a link is drawn once per pair of MACs and seed, as on the LoRa {@link SimulatedMedium}, so the
 * same pair always sees the same RSSI. Modules are keyed by MAC; place them before they advertise
 * or scan. Thread-safe.
 */
public final class SimulatedWifiAir implements WifiMedium {
  /** First 2.4 GHz channel centre, Hz (IEEE 802.11 channel 1). */
  static final long CHANNEL_1_HZ = 2_412_000_000L;

  /**
   * Conducted power of an access point that {@link #advertise(WifiMedium.SoftAp)} starts, dBm: the
   * 20 dBm EIRP of region WIFI-2G4 (ETSI EN 300 328) less a 3 dBi antenna, what a hotspot daemon
   * with the devnet's 3 dBi antenna reports as its beacon's tx_power (the oracle's RSSI bound,
   * poc-rules.md §3, adds the antenna gains back).
   */
  public static final int DEFAULT_TX_POWER_DBM = 17;

  private final LinkBudget budget;
  private final Map<String, RadioSite> sites = new ConcurrentHashMap<>();
  private final Map<String, Advertised> advertised = new ConcurrentHashMap<>();

  private record Advertised(SoftAp ap, int txPowerDbm) {}

  /** WiFi air in this environment. */
  public SimulatedWifiAir(RfEnvironment environment) {
    this.budget = new LinkBudget(environment);
  }

  /** Registers or moves a module; {@code site.radioId()} is its MAC, lower case. */
  public void place(RadioSite site) {
    sites.put(site.radioId(), site);
  }

  /**
   * Starts or replaces an access point on a placed module at {@link #DEFAULT_TX_POWER_DBM}.
   *
   * @throws IllegalStateException if no site has the AP's MAC
   */
  @Override
  public void advertise(SoftAp ap) {
    advertise(ap, DEFAULT_TX_POWER_DBM);
  }

  /**
   * Starts or replaces an access point on a placed module.
   *
   * @param txPowerDbm conducted power, dBm (ESP32 default about 20 dBm)
   * @throws IllegalStateException if no site has the AP's MAC
   */
  public void advertise(SoftAp ap, int txPowerDbm) {
    Objects.requireNonNull(ap, "ap");
    if (!sites.containsKey(ap.mac())) {
      throw new IllegalStateException(
          "advertise: expected a module placed with MAC " + ap.mac() + ", got none");
    }
    advertised.put(ap.mac(), new Advertised(ap, txPowerDbm));
  }

  @Override
  public void withdraw(String mac) {
    advertised.remove(mac);
  }

  /** Centre frequency of a 2.4 GHz channel 1..13, Hz. */
  public static long channelHz(int channel) {
    if (channel < 1 || channel > 13) {
      throw new IllegalArgumentException("WiFi channel: expected 1..13, got " + channel);
    }
    return CHANNEL_1_HZ + 5_000_000L * (channel - 1);
  }

  /**
   * The access points a placed scanner demodulates, except its own, ordered by MAC.
   *
   * @throws IllegalStateException if the scanner has no site
   */
  @Override
  public List<HeardAp> visibleFrom(String scannerMac) {
    RadioSite scanner = sites.get(scannerMac);
    if (scanner == null) {
      throw new IllegalStateException(
          "scan: expected a module placed with MAC " + scannerMac + ", got none");
    }
    return advertised.values().stream()
        .filter(a -> !a.ap().mac().equals(scannerMac))
        .flatMap(a -> hear(a, scanner).stream())
        .sorted(Comparator.comparing((HeardAp h) -> h.ap().mac()))
        .toList();
  }

  /** The reception of one access point's beacons at a scanner, before the floor. */
  public Reception reception(String apMac, String scannerMac) {
    Advertised a = advertised.get(apMac);
    RadioSite scanner = sites.get(scannerMac);
    if (a == null || scanner == null) {
      throw new IllegalStateException(
          "reception: expected an advertised AP and a placed scanner, got "
              + apMac
              + ", "
              + scannerMac);
    }
    return budget.wifi(
        Link.between(sites.get(apMac), scanner, channelHz(a.ap().channel()), a.txPowerDbm()));
  }

  private Optional<HeardAp> hear(Advertised a, RadioSite scanner) {
    Reception r = reception(a.ap().mac(), scanner.radioId());
    return r.demodulated()
        ? Optional.of(new HeardAp(a.ap(), r.signal().rssiDbm()))
        : Optional.empty();
  }
}
