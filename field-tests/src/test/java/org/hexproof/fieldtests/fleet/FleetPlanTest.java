package org.hexproof.fieldtests.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.EnumSet;
import java.util.List;
import org.hexproof.fieldtests.rf.Geodesy;
import org.hexproof.fieldtests.sites.City;
import org.junit.jupiter.api.Test;

class FleetPlanTest {
  private static FleetPlan mixed(long seed) {
    return FleetPlan.in(City.VALLETTA, seed)
        .serialModules(6)
        .concentrators(3)
        .wifi(3)
        .withCheats(EnumSet.allOf(Cheat.class))
        .build();
  }

  @Test
  void the_same_seed_gives_the_same_plan_and_another_seed_other_sites() {
    assertThat(mixed(7)).isEqualTo(mixed(7));
    assertThat(mixed(8).hotspots().get(0).site()).isNotEqualTo(mixed(7).hotspots().get(0).site());
  }

  @Test
  void honest_lora_hotspots_stand_in_the_city_and_assert_their_site() {
    FleetPlan plan = mixed(7);
    List<HotspotPlan> honest =
        plan.hotspots().stream()
            .filter(h -> h.cheat().isEmpty() && h.radio() != Radio.WIFI)
            .toList();
    assertThat(honest).hasSize(9);
    assertThat(honest).allSatisfy(h -> assertThat(City.VALLETTA.contains(h.site())).isTrue());
    assertThat(honest).allSatisfy(h -> assertThat(h.asserted()).isEqualTo(h.site()));
    assertThat(honest.stream().map(HotspotPlan::radio))
        .containsExactly(
            Radio.RAK3172,
            Radio.RN2483,
            Radio.LORA_E5,
            Radio.RAK3172,
            Radio.RN2483,
            Radio.LORA_E5,
            Radio.CONCENTRATOR,
            Radio.CONCENTRATOR,
            Radio.CONCENTRATOR);
  }

  @Test
  void wifi_hotspots_stand_on_a_lattice_one_spacing_apart_and_three_make_a_triangle() {
    List<HotspotPlan> wifi =
        mixed(7).hotspots().stream().filter(h -> h.radio() == Radio.WIFI).toList();
    assertThat(wifi).hasSize(3);
    for (HotspotPlan a : wifi) {
      for (HotspotPlan b : wifi) {
        if (a != b) {
          assertThat(Geodesy.distanceMeters(a.site(), b.site()))
              .isCloseTo(FleetPlan.WIFI_SPACING_METERS, offset(1.0));
        }
      }
    }
    List<org.hexproof.core.geo.LatLng> twelve = FleetPlan.wifiSites(City.VALLETTA.center(), 12, 3);
    for (int i = 0; i < twelve.size(); i++) {
      double nearest = Double.MAX_VALUE;
      for (int j = 0; j < twelve.size(); j++) {
        if (i != j) {
          nearest = Math.min(nearest, Geodesy.distanceMeters(twelve.get(i), twelve.get(j)));
        }
      }
      assertThat(nearest).isCloseTo(FleetPlan.WIFI_SPACING_METERS, offset(1.0));
    }
  }

  @Test
  void each_cheat_places_its_adversary_as_documented() {
    FleetPlan plan = mixed(7);
    HotspotPlan liar = plan.hotspot("liar-location").orElseThrow();
    assertThat(Geodesy.distanceMeters(liar.site(), liar.asserted()))
        .isCloseTo(
            FleetPlan.FALSE_LOCATION_OFFSET_METERS, org.assertj.core.data.Offset.offset(1.0));
    HotspotPlan closeA = plan.hotspot("close-a").orElseThrow();
    HotspotPlan closeB = plan.hotspot("close-b").orElseThrow();
    assertThat(Geodesy.distanceMeters(closeA.site(), closeB.site()))
        .isCloseTo(FleetPlan.TOO_CLOSE_METERS, org.assertj.core.data.Offset.offset(0.5));
    assertThat(closeB.radio()).isEqualTo(Radio.CONCENTRATOR);
    assertThat(plan.hotspot("liar-rssi").orElseThrow().cheats(Cheat.INFLATED_RSSI)).isTrue();
    assertThat(plan.hotspot("replayer").orElseThrow().cheats(Cheat.REPLAYED_BEACONS)).isTrue();
    assertThat(plan.deniedEdges()).containsExactly(List.of("edge-a", "edge-b"));
  }

  @Test
  void module_kinds_must_be_serial_lora_modules() {
    assertThatThrownBy(() -> FleetPlan.in(City.VALLETTA, 1).moduleKinds(Radio.WIFI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serial LoRa modules");
    FleetPlan rak =
        FleetPlan.in(City.VALLETTA, 1).moduleKinds(Radio.RAK3172).serialModules(4).build();
    assertThat(rak.hotspots()).allSatisfy(h -> assertThat(h.radio()).isEqualTo(Radio.RAK3172));
  }
}
