package org.hexproof.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.uber.h3core.LengthUnit;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.hexproof.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class H3CellTest {

  private static final H3Cell MALTA = H3Cell.fromLong(631615575095659519L);

  record CellForms(String description, String decimal, String hex, int resolution) {
    @Override
    public String toString() {
      return description;
    }
  }

  record InvalidCell(String description, String input) {
    @Override
    public String toString() {
      return description;
    }
  }

  record GridDistance(String description, String a, String b, int resolution, int expected) {
    @Override
    public String toString() {
      return description;
    }
  }

  record GreatCircleDistance(String description, String a, String b, long expectedMetersRounded) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<CellForms> cells() {
    return Vectors.load("h3-cells.json", CellForms.class).stream();
  }

  static Stream<InvalidCell> invalid_cells() {
    return Vectors.load("h3-invalid-cells.json", InvalidCell.class).stream();
  }

  static Stream<GridDistance> grid_distances() {
    return Vectors.load("h3-grid-distances.json", GridDistance.class).stream();
  }

  static Stream<GreatCircleDistance> great_circle_distances() {
    return Vectors.load("h3-great-circle-distances.json", GreatCircleDistance.class).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("great_circle_distances")
  void measures_great_circle_distance_between_centres_in_metres(GreatCircleDistance v) {
    H3Cell a = H3Cell.parse(v.a());
    H3Cell b = H3Cell.parse(v.b());

    assertThat(Math.round(a.distanceMeters(b))).isEqualTo(v.expectedMetersRounded());
    assertThat(b.distanceMeters(a)).isEqualTo(a.distanceMeters(b));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("grid_distances")
  void measures_grid_distance_between_parents(GridDistance v) {
    H3Cell a = H3Cell.parse(v.a()).parent(v.resolution());
    H3Cell b = H3Cell.parse(v.b()).parent(v.resolution());

    assertThat(a.gridDistance(b)).hasValue(v.expected());
    assertThat(b.gridDistance(a)).hasValue(v.expected());
  }

  @Test
  void malta_to_armenia_is_farther_than_100_km() {
    H3Cell armenia = H3Cell.parse("631278052025960447");

    assertThat(MALTA.distanceMeters(armenia)).isGreaterThan(100_000.0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void parses_decimal_and_hex_forms_to_the_same_cell(CellForms v) {
    H3Cell fromDecimal = H3Cell.parse(v.decimal());
    H3Cell fromHex = H3Cell.parse(v.hex());

    assertThat(fromHex).isEqualTo(fromDecimal);
    assertThat(H3Cell.parse(v.hex().toUpperCase(java.util.Locale.ROOT))).isEqualTo(fromDecimal);
    assertThat(H3Cell.parse("0x" + v.hex())).isEqualTo(fromDecimal);
    assertThat(H3Cell.parse("0X" + v.hex())).isEqualTo(fromDecimal);
    assertThat(fromDecimal.resolution()).isEqualTo(v.resolution());
    assertThat(fromDecimal).hasToString(v.hex());
    assertThat(fromDecimal.toDecimalString()).isEqualTo(v.decimal());
    assertThat(H3Cell.fromLong(Long.parseLong(v.decimal()))).isEqualTo(fromDecimal);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid_cells")
  void rejects_text_that_is_not_a_cell(InvalidCell v) {
    assertThatThrownBy(() -> H3Cell.parse(v.input()))
        .isInstanceOf(InvalidCellException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected")
        .hasMessageContaining("\"" + v.input() + "\"")
        .satisfies(e -> assertThat(((InvalidCellException) e).input()).isEqualTo(v.input()));
  }

  @ParameterizedTest
  @ValueSource(longs = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 631615575095659518L})
  void rejects_indices_that_are_not_cells(long index) {
    assertThatThrownBy(() -> H3Cell.fromLong(index))
        .isInstanceOf(InvalidCellException.class)
        .hasMessageContaining(Long.toString(index));
  }

  @Test
  void parent_of_res_12_cell_at_res_11_contains_it() {
    H3Cell parent = MALTA.parent(11);

    List<Long> children = H3.core().cellToChildren(parent.index(), 12);
    assertThat(parent.resolution()).isEqualTo(11);
    assertThat(children).contains(MALTA.index());
    assertThat(children)
        .allSatisfy(c -> assertThat(H3Cell.fromLong(c).parent(11)).isEqualTo(parent));
  }

  @Test
  void parent_at_own_resolution_is_the_cell_itself() {
    assertThat(MALTA.parent(12)).isEqualTo(MALTA);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 13, 16})
  void rejects_parent_resolution_outside_zero_to_own_resolution(int resolution) {
    assertThatThrownBy(() -> MALTA.parent(resolution))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got " + resolution);
  }

  @Test
  void grid_distance_between_different_resolutions_is_empty() {
    assertThat(MALTA.gridDistance(MALTA.parent(11))).isEqualTo(OptionalInt.empty());
  }

  @Test
  void grid_distance_to_itself_is_zero() {
    assertThat(MALTA.gridDistance(MALTA)).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void disk_has_3k_k_plus_1_plus_1_cells_starting_with_the_cell(int k) {
    List<H3Cell> disk = MALTA.disk(k);

    assertThat(disk).hasSize(3 * k * (k + 1) + 1).doesNotHaveDuplicates().startsWith(MALTA);
    assertThat(disk)
        .allSatisfy(c -> assertThat(MALTA.gridDistance(c).orElseThrow()).isBetween(0, k));
  }

  @Test
  void disk_1_has_7_cells_and_disk_2_has_19() {
    assertThat(MALTA.disk(1)).hasSize(7);
    assertThat(MALTA.disk(2)).hasSize(19);
  }

  @Test
  void rejects_negative_disk_radius() {
    assertThatThrownBy(() -> MALTA.disk(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void hexagon_boundary_has_6_vertices() {
    assertThat(MALTA.boundary()).hasSize(6);
  }

  @Test
  void v4_average_edge_length_at_res_12_is_about_10_83_m() {
    assertThat(H3.core().getHexagonEdgeLengthAvg(12, LengthUnit.m)).isCloseTo(10.83, within(0.01));
  }

  @Test
  void adjacent_res_12_centres_are_about_sqrt3_edges_apart() {
    double expected = Math.sqrt(3) * H3.core().getHexagonEdgeLengthAvg(12, LengthUnit.m);

    assertThat(MALTA.disk(1).subList(1, 7))
        .allSatisfy(
            n -> assertThat(MALTA.distanceMeters(n)).isCloseTo(expected, withinPercentage(40)));
  }

  @Test
  void from_lat_lng_finds_the_containing_cell() {
    assertThat(H3Cell.fromLatLng(MALTA.center(), 12)).isEqualTo(MALTA);
    assertThat(H3Cell.fromLatLng(MALTA.center(), 11)).isEqualTo(MALTA.parent(11));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 16})
  void rejects_resolution_outside_0_to_15(int resolution) {
    assertThatThrownBy(() -> H3Cell.fromLatLng(new LatLng(0, 0), resolution))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got " + resolution);
  }

  @Test
  void orders_by_index() {
    H3Cell smaller = H3Cell.parse("627111975465463807");
    H3Cell larger = H3Cell.parse("627111975468974079");

    assertThat(smaller).isLessThan(larger);
    assertThat(List.of(larger, MALTA, smaller).stream().sorted())
        .containsExactly(smaller, larger, MALTA);
  }

  @Test
  void equals_and_hash_code_follow_the_index() {
    EqualsVerifier.forClass(H3Cell.class)
        .withPrefabValuesForField("index", 631615575095659519L, 631278052025960447L)
        .verify();
  }
}
