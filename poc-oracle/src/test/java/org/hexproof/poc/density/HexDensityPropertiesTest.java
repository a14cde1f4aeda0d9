package org.hexproof.poc.density;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.hexproof.core.geo.H3Cell;

class HexDensityPropertiesTest {
  private static final H3Cell REGION = TestCells.BASE.parent(4);

  /**
   * Decodes a code into a res-12 location under {@link #REGION}. Low digits (0..1) at res 5..8
   * crowd hotspots together so that every resolution gets clipped; res 9..12 use all 7 children.
   */
  static H3Cell location(int code) {
    int[] digits = new int[8];
    int rest = code;
    for (int i = 0; i < 4; i++) {
      digits[i] = rest % 2;
      rest /= 2;
    }
    for (int i = 4; i < 8; i++) {
      digits[i] = rest % 7;
      rest /= 7;
    }
    return TestCells.descend(REGION, digits);
  }

  private static List<H3Cell> locations(List<Integer> codes) {
    return codes.stream().map(HexDensityPropertiesTest::location).toList();
  }

  @Property(tries = 60)
  void every_scale_is_in_zero_to_one_with_four_decimals(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 300) Integer> codes) {
    var map = HexDensity.compute(locations(codes), DensityParameters.hip104());

    assertThat(map.scales().values())
        .allSatisfy(
            s -> {
              assertThat(s).isPositive().isLessThanOrEqualTo(BigDecimal.ONE);
              assertThat(s.scale()).isEqualTo(4);
            });
  }

  @Property(tries = 60)
  void result_does_not_depend_on_input_order(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 38415) Integer> codes,
      @ForAll long seed) {
    List<H3Cell> locations = locations(codes);
    List<H3Cell> shuffled = new ArrayList<>(locations);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(HexDensity.compute(shuffled, DensityParameters.hip17Original()).scales())
        .isEqualTo(HexDensity.compute(locations, DensityParameters.hip17Original()).scales());
  }

  @Property(tries = 40)
  void agrees_with_the_literal_oracle_reduction_in_any_visiting_order(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 2000) Integer> codes,
      @ForAll long seed,
      @ForAll boolean originalParameters) {
    DensityParameters parameters =
        originalParameters ? DensityParameters.hip17Original() : DensityParameters.hip104();
    List<H3Cell> locations = locations(codes);

    Map<H3Cell, BigDecimal> naive =
        NaiveHexDensity.compute(locations, parameters, new Random(seed));

    assertThat(HexDensity.compute(locations, parameters).scales()).isEqualTo(naive);
  }

  @Property(tries = 30)
  void every_counted_location_is_in_the_map_and_others_get_the_default(
      @ForAll @Size(max = 100) List<@IntRange(min = 0, max = 38415) Integer> codes,
      @ForAll @IntRange(min = 0, max = 38415) int other) {
    List<H3Cell> locations = locations(codes);
    var map = HexDensity.compute(locations, DensityParameters.hip104());

    assertThat(map.scales().keySet()).containsExactlyInAnyOrderElementsOf(Set.copyOf(locations));
    H3Cell absent = location(other);
    if (!locations.contains(absent)) {
      assertThat(map.scaleOf(absent)).isEqualTo(HexScales.DEFAULT_SCALE);
    }
  }

  @Property(tries = 200)
  void bit_parent_equals_h3_parent(
      @ForAll @IntRange(min = 0, max = 38415) int code,
      @ForAll @IntRange(min = 0, max = 12) int resolution) {
    H3Cell cell = location(code);
    assertThat(HexDensity.parentIndex(cell.index(), resolution))
        .isEqualTo(cell.parent(resolution).index());
  }
}
