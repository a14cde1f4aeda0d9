package org.hexproof.poc.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.poc.density.TestCells.locationIn;

import java.util.ArrayList;
import java.util.List;
import org.hexproof.core.geo.H3Cell;
import org.junit.jupiter.api.Test;

/**
 * The occupied-neighbour rule at res 7 (N 4, target 5, max 10, as HIP 104). Res 4–6 get a target of
 * 1000 so they clip nothing and the arithmetic stays at res 7.
 */
class HexDensityNeighboursTest {
  private static final DensityParameters RES7_ONLY =
      new DensityParameters(
          List.of(
              new DensityParameters.Limits(2, 1000, 1000),
              new DensityParameters.Limits(2, 1000, 1000),
              new DensityParameters.Limits(2, 1000, 1000),
              new DensityParameters.Limits(4, 5, 10),
              new DensityParameters.Limits(2, 1, 1),
              new DensityParameters.Limits(2, 1, 1),
              new DensityParameters.Limits(2, 1, 1)));

  private static final H3Cell P = TestCells.BASE.parent(7);

  /** One hotspot in each of the first {@code count} res-8 children of a res-7 hex. */
  private static List<H3Cell> spread(H3Cell res7, int count) {
    List<H3Cell> out = new ArrayList<>();
    for (int digit = 0; digit < count; digit++) {
      out.add(locationIn(res7, digit));
    }
    return out;
  }

  private static List<H3Cell> clusterWithOccupiedNeighbours(int neighbours) {
    List<H3Cell> locations = new ArrayList<>(spread(P, 7));
    for (H3Cell q : TestCells.neighbours(P).subList(0, neighbours)) {
      locations.addAll(spread(q, 5));
    }
    return locations;
  }

  @Test
  void a_lone_crowded_res_7_hex_is_clipped_to_target() {
    // P: 7 hotspots in 7 different res-8 hexes, so res 10..8 are 1/1 and P's unclipped is 7.
    // occupied = 1 (P itself, 7 ≥ 5); limit = min(10, 5 × (max(1 − 4, 0) + 1)) = 5.
    // clipped 5 → 5/7 = 0.714285… → 0.7143.
    List<H3Cell> locations = spread(P, 7);
    var map = HexDensity.compute(locations, RES7_ONLY);

    assertThat(map.scaleOf(locations.get(0))).isEqualByComparingTo("0.7143");
  }

  @Test
  void four_occupied_neighbours_raise_the_limit_to_max() {
    // Four neighbours hold 5 each (= target, so they are occupied and not clipped: 5/5).
    // P: occupied = 1 + 4 = 5; limit = min(10, 5 × (5 − 4 + 1)) = 10; clipped = min(10, 7) = 7.
    var map = HexDensity.compute(clusterWithOccupiedNeighbours(4), RES7_ONLY);

    assertThat(map.scaleOf(locationIn(P, 0))).isEqualByComparingTo("1");
    H3Cell neighbour = TestCells.neighbours(P).get(0);
    assertThat(map.scaleOf(locationIn(neighbour, 0))).isEqualByComparingTo("1");
  }

  @Test
  void three_occupied_neighbours_are_still_within_the_free_n() {
    // occupied = 1 + 3 = 4; max(4 − 4, 0) + 1 = 1; limit 5; 5/7 → 0.7143.
    var map = HexDensity.compute(clusterWithOccupiedNeighbours(3), RES7_ONLY);

    assertThat(map.scaleOf(locationIn(P, 0))).isEqualByComparingTo("0.7143");
  }

  @Test
  void a_neighbour_below_target_is_not_occupied() {
    // Four neighbours, but one holds only 4 < 5: occupied = 1 + 3 = 4 → limit 5 → 0.7143.
    List<H3Cell> locations = new ArrayList<>(spread(P, 7));
    List<H3Cell> around = TestCells.neighbours(P);
    for (int i = 0; i < 4; i++) {
      locations.addAll(spread(around.get(i), i == 3 ? 4 : 5));
    }
    var map = HexDensity.compute(locations, RES7_ONLY);

    assertThat(map.scaleOf(locationIn(P, 0))).isEqualByComparingTo("0.7143");
  }

  @Test
  void with_hip_104_the_same_cluster_is_also_clipped_at_res_6() {
    // Res 7 as above (P 7/7, neighbours 5/5). If all 27 hotspots share a res-6 parent, that
    // parent's unclipped count is 27 > 25 with only itself occupied at res 6 → limit 25 → 25/27,
    // so P's scale is 25/27 = 0.925925… → 0.9259. Otherwise each res-6 parent holds ≤ 25: 1.
    List<H3Cell> locations = clusterWithOccupiedNeighbours(4);
    var map = HexDensity.compute(locations, DensityParameters.hip104());

    boolean oneRes6 = locations.stream().map(c -> c.parent(6)).distinct().count() == 1;
    assertThat(map.scaleOf(locationIn(P, 0))).isEqualByComparingTo(oneRes6 ? "0.9259" : "1");
  }
}
