package org.hexproof.fieldtests.rf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fleet")
class GeodesyTest {
  private static final LatLng VALLETTA = new LatLng(35.8989, 14.5146);

  @Test
  void destination_then_distance_round_trips() {
    for (double bearing = 0; bearing < 360; bearing += 45) {
      LatLng there = Geodesy.destination(VALLETTA, bearing, 2_000);
      assertThat(Geodesy.distanceMeters(VALLETTA, there)).isCloseTo(2_000, within(1e-6));
    }
  }

  @Test
  void distance_agrees_with_h3_between_cell_centres() {
    H3Cell a = H3Cell.fromLatLng(VALLETTA, 12);
    H3Cell b = H3Cell.fromLatLng(Geodesy.destination(VALLETTA, 30, 60_000), 12);
    assertThat(Geodesy.distanceMeters(a.center(), b.center()))
        .isCloseTo(a.distanceMeters(b), within(0.01));
  }

  @Test
  void one_degree_of_latitude_is_about_111_km() {
    assertThat(Geodesy.distanceMeters(new LatLng(0, 0), new LatLng(1, 0)))
        .isCloseTo(111_195, within(1.0));
  }

  @Test
  void slant_range_adds_the_antenna_height_difference() {
    RadioSite roof = new RadioSite("roof", VALLETTA, 0, 30);
    RadioSite street = new RadioSite("street", Geodesy.destination(VALLETTA, 0, 40), 0, 0);
    assertThat(roof.distanceMeters(street)).isCloseTo(50.0, within(1e-6));
  }
}
