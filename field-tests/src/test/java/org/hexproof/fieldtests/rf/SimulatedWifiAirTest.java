package org.hexproof.fieldtests.rf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hexproof.bridge.emulator.WifiMedium;
import org.hexproof.core.geo.LatLng;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fleet")
class SimulatedWifiAirTest {
  private static final LatLng LISBON = new LatLng(38.7436, -9.1602);

  @Test
  void a_scanner_sees_access_points_above_the_wifi_floor_only_ordered_by_mac() {
    SimulatedWifiAir air = new SimulatedWifiAir(RfEnvironment.urban(3).withShadowingSigmaDb(0));
    air.place(RadioSite.at("aa:00:00:00:00:01", LISBON, 20));
    air.place(RadioSite.at("aa:00:00:00:00:02", Geodesy.destination(LISBON, 90, 30), 20));
    air.place(RadioSite.at("aa:00:00:00:00:03", Geodesy.destination(LISBON, 90, 25), 20));
    air.place(RadioSite.at("aa:00:00:00:00:04", Geodesy.destination(LISBON, 90, 400), 20));
    WifiMedium.SoftAp near = new WifiMedium.SoftAp("aa:00:00:00:00:02", "near", 6, 3);
    WifiMedium.SoftAp nearer = new WifiMedium.SoftAp("aa:00:00:00:00:03", "nearer", 1, 0);
    WifiMedium.SoftAp far = new WifiMedium.SoftAp("aa:00:00:00:00:04", "far", 11, 3);
    air.advertise(near, 20);
    air.advertise(nearer, 20);
    air.advertise(far, 20);

    var seen = air.visibleFrom("aa:00:00:00:00:01");

    assertThat(seen).extracting(WifiMedium.HeardAp::ap).containsExactly(near, nearer);
    assertThat(seen.get(0).rssiDbm()).isBetween(-91, 0);
    assertThat(air.reception("aa:00:00:00:00:04", "aa:00:00:00:00:01").powerDbm()).isLessThan(-91);
    assertThat(air.visibleFrom("aa:00:00:00:00:02"))
        .extracting(h -> h.ap().ssid())
        .containsExactly("nearer");

    air.withdraw("aa:00:00:00:00:02");
    assertThat(air.visibleFrom("aa:00:00:00:00:01")).hasSize(1);
  }

  @Test
  void channels_map_to_their_2_4_ghz_centres_and_unplaced_modules_are_refused() {
    assertThat(SimulatedWifiAir.channelHz(1)).isEqualTo(2_412_000_000L);
    assertThat(SimulatedWifiAir.channelHz(13)).isEqualTo(2_472_000_000L);
    SimulatedWifiAir air = new SimulatedWifiAir(RfEnvironment.urban(3));
    assertThatThrownBy(() -> air.advertise(new WifiMedium.SoftAp("bb", "x", 1, 0), 20))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> air.visibleFrom("bb")).isInstanceOf(IllegalStateException.class);
  }
}
