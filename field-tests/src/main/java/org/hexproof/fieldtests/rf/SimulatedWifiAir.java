package org.hexproof.fieldtests.rf;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hexproof.bridge.emulator.WifiAir;

/**
 * 2.4 GHz air with positions: a scanner sees an access point when its 1 Mb/s beacons clear the WiFi
 * floor of {@link LinkBudget#wifi}, at the RSSI the link budget gives. Thread-safe.
 *
 * <p>Not pluggable into {@code EspAtEmulator} yet: that emulator takes the concrete, final {@link
 * WifiAir}, which reports one fixed RSSI for every scan. Wiring this model in needs a change in
 * hotspot-firmware-bridge (an interface over {@code visibleFrom(scannerMac)} that returns an RSSI
 * per access point); until then field tests use this class directly, keyed by the same MACs and
 * {@link WifiAir.SoftAp} records.
 */
public final class SimulatedWifiAir {
  /** First 2.4 GHz channel centre, Hz (IEEE 802.11 channel 1). */
  static final long CHANNEL_1_HZ = 2_412_000_000L;

  private final LinkBudget budget;
  private final Map<String, RadioSite> sites = new ConcurrentHashMap<>();
  private final Map<String, Advertised> advertised = new ConcurrentHashMap<>();

  /** An access point a scanner sees, with the RSSI it measures, dBm. */
  public record HeardAp(WifiAir.SoftAp ap, int rssiDbm) {
    /** Validates. */
    public HeardAp {
      Objects.requireNonNull(ap, "ap");
    }
  }

  private record Advertised(WifiAir.SoftAp ap, int txPowerDbm) {}

  /** WiFi air in this environment. */
  public SimulatedWifiAir(RfEnvironment environment) {
    this.budget = new LinkBudget(environment);
  }

  /** Registers or moves a module; {@code site.radioId()} is its MAC, lower case. */
  public void place(RadioSite site) {
    sites.put(site.radioId(), site);
  }

  /**
   * Starts or replaces an access point on a placed module.
   *
   * @param txPowerDbm conducted power, dBm (ESP32 default about 20 dBm)
   * @throws IllegalStateException if no site has the AP's MAC
   */
  public void advertise(WifiAir.SoftAp ap, int txPowerDbm) {
    if (!sites.containsKey(ap.mac())) {
      throw new IllegalStateException(
          "advertise: expected a module placed with MAC " + ap.mac() + ", got none");
    }
    advertised.put(ap.mac(), new Advertised(ap, txPowerDbm));
  }

  /** Stops the access point with this MAC, if any. */
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
