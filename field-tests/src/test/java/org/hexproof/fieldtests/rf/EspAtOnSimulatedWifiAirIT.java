package org.hexproof.fieldtests.rf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hexproof.bridge.emulator.EspAtEmulator;
import org.hexproof.bridge.radio.AccessPoint;
import org.hexproof.bridge.serial.EspAtDriver;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.SerialLineOptions;
import org.hexproof.bridge.serial.SocatPair;
import org.hexproof.core.geo.LatLng;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ESP-AT emulators on real socat pseudo-terminals, driven by the bridge's {@link EspAtDriver}, on
 * one {@link SimulatedWifiAir}: a scan reports the access points whose link clears the WiFi floor,
 * at the link budget's RSSI, and not the ones too far away.
 */
@Tag("fleet")
@Timeout(30)
class EspAtOnSimulatedWifiAirIT {
  private static final LatLng SHOP = new LatLng(38.7436, -9.1602);
  private static final SerialLineOptions OPTIONS =
      new SerialLineOptions(
          Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(400));

  @TempDir Path dir;
  private final SimulatedWifiAir air = new SimulatedWifiAir(RfEnvironment.urban(11));
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  /** Places a module {@code eastMeters} east of the shop and connects a driver to it. */
  private EspAtDriver module(String name, String mac, double eastMeters) {
    air.place(new RadioSite(mac, Geodesy.destination(SHOP, 90, eastMeters), 30, 10.0));
    SocatPair pair = SocatPair.start(dir.resolve(name + "-host"), dir.resolve(name + "-module"));
    open.add(pair);
    EspAtEmulator emulator =
        new EspAtEmulator(JsscLineChannel.opener(pair.linkB(), EspAtDriver.BAUD), air, mac);
    open.add(emulator);
    emulator.start();
    EspAtDriver driver =
        new EspAtDriver(
            JsscLineChannel.opener(pair.linkA(), EspAtDriver.BAUD),
            OPTIONS,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3));
    open.add(driver);
    driver.start();
    return driver;
  }

  @Test
  void close_modules_see_each_other_at_the_link_budget_rssi_and_a_far_one_is_not_seen() {
    EspAtDriver shop = module("shop", "02:00:00:00:00:01", 0);
    EspAtDriver flat = module("flat", "02:00:00:00:00:02", 60);
    EspAtDriver farm = module("farm", "02:00:00:00:00:03", 900);

    shop.startSoftAp("hexproof-shop", 6);
    flat.startSoftAp("hexproof-flat", 1);
    farm.startSoftAp("hexproof-farm", 11);

    Reception shopToFlat = air.reception("02:00:00:00:00:01", "02:00:00:00:00:02");
    Reception flatToShop = air.reception("02:00:00:00:00:02", "02:00:00:00:00:01");
    assertThat(shopToFlat.demodulated()).isTrue();
    assertThat(air.reception("02:00:00:00:00:03", "02:00:00:00:00:01").demodulated()).isFalse();
    assertThat(air.reception("02:00:00:00:00:01", "02:00:00:00:00:03").demodulated()).isFalse();
    int shopRssi = shopToFlat.signal().rssiDbm();
    int flatRssi = flatToShop.signal().rssiDbm();
    // 20 dBm EIRP + 3 dBi less at least free-space loss over 60 m, above the -91 dBm floor
    assertThat(shopRssi).isBetween(-91, 23 - 76);

    assertThat(flat.scan())
        .containsExactly(new AccessPoint("hexproof-shop", shopRssi, 6, "02:00:00:00:00:01"));
    assertThat(shop.scan())
        .containsExactly(new AccessPoint("hexproof-flat", flatRssi, 1, "02:00:00:00:00:02"));
    assertThat(farm.scan()).isEmpty();
    // the same link, scanned again, reports the same RSSI: the shadowing is drawn once per link
    assertThat(flat.scan()).extracting(AccessPoint::rssiDbm).containsExactly(shopRssi);
  }
}
