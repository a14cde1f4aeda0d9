package org.hexproof.poc.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.Region;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegionDerivationTest {
  static Stream<Arguments> places() {
    return Stream.of(
        Arguments.of("Valletta", 35.8989, 14.5146, Optional.of(Region.EU868)),
        Arguments.of("Berlin", 52.52, 13.405, Optional.of(Region.EU868)),
        Arguments.of("Las Palmas (Canaries)", 28.12, -15.43, Optional.of(Region.EU868)),
        Arguments.of("New York", 40.71, -74.0, Optional.of(Region.US915)),
        Arguments.of("Mexico City", 19.43, -99.13, Optional.of(Region.US915)),
        Arguments.of("Sydney", -33.87, 151.21, Optional.of(Region.AU915)),
        Arguments.of("Auckland", -36.85, 174.76, Optional.of(Region.AU915)),
        Arguments.of("Singapore", 1.35, 103.82, Optional.of(Region.AS923_1)),
        Arguments.of("Tokyo", 35.68, 139.69, Optional.of(Region.AS923_1)),
        Arguments.of("Cape Town", -33.92, 18.42, Optional.empty()),
        Arguments.of("São Paulo", -23.55, -46.63, Optional.empty()),
        Arguments.of("mid Pacific", 0.0, -150.0, Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("places")
  void derives_the_region_of_the_first_box_holding_the_cell_centre(
      String place, double lat, double lng, Optional<Region> expected) {
    assertThat(RegionDerivation.of(H3Cell.fromLatLng(new LatLng(lat, lng), 12)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("places")
  void does_not_depend_on_the_resolution_when_the_centre_is_well_inside_a_box(
      String place, double lat, double lng, Optional<Region> expected) {
    assertThat(RegionDerivation.of(H3Cell.fromLatLng(new LatLng(lat, lng), 8))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void prefers_eu868_where_the_eu_and_as_boxes_would_both_match_in_order() {
    // Tokyo-latitude but Europe-longitude: only the EU box; 44 °E is inside EU868's box (≤ 45)
    assertThat(RegionDerivation.of(H3Cell.fromLatLng(new LatLng(40.0, 44.0), 12)))
        .contains(Region.EU868);
    assertThat(RegionDerivation.of(H3Cell.fromLatLng(new LatLng(40.0, 47.0), 12))).isEmpty();
  }
}
