package org.hexproof.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.h3core.LengthUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class H3CellPropertiesTest {

  @Property
  void point_lies_within_its_cells_size_of_the_centre(
      @ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lng,
      @ForAll @IntRange(min = 0, max = 15) int resolution) {
    LatLng point = new LatLng(lat, lng);
    H3Cell cell = H3Cell.fromLatLng(point, resolution);
    LatLng center = cell.center();

    // Cell edges are great-circle arcs, so no point of the cell is farther from the centre than
    // its farthest vertex.
    double radiusMeters =
        cell.boundary().stream().mapToDouble(v -> meters(center, v)).max().orElseThrow();
    assertThat(meters(point, center)).isLessThanOrEqualTo(radiusMeters * (1 + 1e-9) + 1e-6);
    assertThat(H3Cell.fromLatLng(center, resolution)).isEqualTo(cell);
  }

  @Property
  void decimal_and_hex_forms_parse_back_to_the_cell(
      @ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lng,
      @ForAll @IntRange(min = 0, max = 15) int resolution) {
    H3Cell cell = H3Cell.fromLatLng(new LatLng(lat, lng), resolution);

    assertThat(H3Cell.parse(cell.toDecimalString())).isEqualTo(cell);
    assertThat(H3Cell.parse(cell.toString())).isEqualTo(cell);
  }

  private static double meters(LatLng a, LatLng b) {
    return H3.core().greatCircleDistance(a.toH3(), b.toH3(), LengthUnit.m);
  }
}
