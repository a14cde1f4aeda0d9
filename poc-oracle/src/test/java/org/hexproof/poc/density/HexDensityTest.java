package org.hexproof.poc.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.poc.density.TestCells.descend;
import static org.hexproof.poc.density.TestCells.locationIn;
import static org.hexproof.poc.density.TestCells.times;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hexproof.core.geo.H3Cell;
import org.junit.jupiter.api.Test;

class HexDensityTest {
  private static final H3Cell RES8 = TestCells.BASE.parent(8);
  private static final H3Cell RES9 = TestCells.BASE.parent(9);

  private static BigDecimal scale(List<H3Cell> locations, H3Cell of) {
    return HexDensity.compute(locations, DensityParameters.hip104()).scaleOf(of);
  }

  @Test
  void a_hotspot_alone_has_scale_one() {
    // Every cell from res 10 to 4 holds 1 ≤ target, so nothing is clipped: 1/1 at every level.
    assertThat(scale(List.of(TestCells.BASE), TestCells.BASE)).isEqualByComparingTo("1");
  }

  @Test
  void scales_have_exactly_four_decimals() {
    assertThat(scale(List.of(TestCells.BASE), TestCells.BASE)).isEqualTo(new BigDecimal("1.0000"));
  }

  @Test
  void two_hotspots_at_one_location_share_the_res_10_hex() {
    // res 11 counts 2 (not clipped); res 10: unclipped 2 > target 1 and max = target = 1, so
    // clipped 1 → 1/2. Res 9..4 then hold 1: 1/1. Scale 0.5.
    assertThat(scale(times(2, TestCells.BASE), TestCells.BASE)).isEqualByComparingTo("0.5");
  }

  @Test
  void two_hotspots_in_one_res_8_hex_get_half_each() {
    // a and b differ at the res-9 digit: res 10 and 9 hold 1 each (1/1). Res 8: unclipped 1 + 1
    // = 2, limit min(1, 1 × …) = 1 (N 2, target 1, max 1) → 1/2. Res 7: 1 ≤ 5 → 1/1. Scale 0.5.
    H3Cell a = locationIn(RES8, 0);
    H3Cell b = locationIn(RES8, 2);
    var map = HexDensity.compute(List.of(a, b), DensityParameters.hip104());

    assertThat(map.scaleOf(a)).isEqualByComparingTo("0.5");
    assertThat(map.scaleOf(b)).isEqualByComparingTo("0.5");
  }

  @Test
  void clipping_compounds_across_resolutions() {
    // a twice and b once, a and b in one res-9 hex but different res-10 hexes.
    // a: res 10 unclipped 2 → clipped 1 (1/2); b: res 10 1/1. Res 9: unclipped 1 + 1 = 2 →
    // clipped 1 (1/2). a = 1/2 × 1/2 = 0.25, b = 1/2.
    H3Cell a = locationIn(RES9, 0);
    H3Cell b = locationIn(RES9, 3);
    List<H3Cell> locations = new ArrayList<>(times(2, a));
    locations.add(b);
    var map = HexDensity.compute(locations, DensityParameters.hip104());

    assertThat(map.scaleOf(a)).isEqualByComparingTo("0.25");
    assertThat(map.scaleOf(b)).isEqualByComparingTo("0.5");
  }

  @Test
  void three_hotspots_in_one_res_10_hex_round_a_third_to_four_decimals() {
    // Three res-11 children of one res-10 hex: res 10 unclipped 3 → clipped 1 → 1/3 =
    // 0.33333… → 0.3333.
    H3Cell res10 = TestCells.BASE.parent(10);
    List<H3Cell> three = List.of(locationIn(res10, 0), locationIn(res10, 4), locationIn(res10, 5));

    assertThat(scale(three, three.get(0))).isEqualTo(new BigDecimal("0.3333"));
  }

  @Test
  void a_midpoint_rounds_half_even_like_rust_decimal_round_dp() {
    // 32 hotspots at one location: res 10 unclipped 32 → clipped 1 → exactly 1/32 = 0.03125.
    // Banker's rounding (rust_decimal round_dp, the oracle's) gives 0.0312; HALF_UP would 0.0313.
    assertThat(scale(times(32, TestCells.BASE), TestCells.BASE))
        .isEqualTo(new BigDecimal("0.0312"));
  }

  @Test
  void a_location_not_counted_gets_the_default_scale() {
    H3Cell elsewhere = locationIn(TestCells.BASE.parent(6), 3, 3);
    var map = HexDensity.compute(List.of(TestCells.BASE), DensityParameters.hip104());

    assertThat(map.scaleOf(elsewhere)).isEqualTo(new BigDecimal("0.2"));
    assertThat(map.find(elsewhere)).isEmpty();
  }

  @Test
  void an_empty_population_gives_an_empty_map() {
    var map = HexDensity.compute(List.of(), DensityParameters.hip104());

    assertThat(map.scales()).isEmpty();
    assertThat(map.scaleOf(TestCells.BASE)).isEqualTo(HexScales.DEFAULT_SCALE);
  }

  @Test
  void locations_coarser_than_res_11_are_not_counted() {
    // The oracle takes the res-11 parent of each location; a res-10 cell has none.
    H3Cell coarse = TestCells.BASE.parent(10);
    var map = HexDensity.compute(List.of(coarse, TestCells.BASE), DensityParameters.hip104());

    assertThat(map.find(coarse)).isEmpty();
    assertThat(map.scaleOf(TestCells.BASE)).isEqualByComparingTo("1");
  }

  @Test
  void keys_are_the_exact_asserted_locations() {
    // Two res-12 locations in one res-11 hex: res 11 counts 2, res 10 → 1/2; both keyed apart.
    H3Cell res11 = TestCells.BASE.parent(11);
    H3Cell a = descend(res11, 0);
    H3Cell b = descend(res11, 6);
    var map = HexDensity.compute(List.of(a, b), DensityParameters.hip104());

    assertThat(map.scales()).containsOnlyKeys(a, b);
    assertThat(map.scaleOf(a)).isEqualByComparingTo("0.5");
  }

  @Test
  void bit_parent_equals_h3_parent() {
    for (int res = 0; res <= 12; res++) {
      assertThat(HexDensity.parentIndex(TestCells.BASE.index(), res))
          .isEqualTo(TestCells.BASE.parent(res).index());
    }
  }
}
