package org.hexproof.coverage.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BoundingBoxTest {

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("three numbers", "14,35,15", "expected \"west,south,east,north\""),
        Arguments.of("not a number", "14,abc,15,36", "expected \"west,south,east,north\""),
        Arguments.of(
            "south below -90", "14,-91,15,36", "expected south latitude in [-90, 90], got -91.0"),
        Arguments.of(
            "north above 90", "14,35,15,90.5", "expected north latitude in [-90, 90], got 90.5"),
        Arguments.of("west below -180", "-181,35,15,36", "expected west longitude in [-180, 180]"),
        Arguments.of("NaN", "14,NaN,15,36", "expected south latitude in [-90, 90], got NaN"),
        Arguments.of(
            "south not below north",
            "14,36,15,35",
            "expected south < north, got south=36.0, north=35.0"),
        Arguments.of(
            "antimeridian",
            "179,35,-179,36",
            "expected west < east (boxes crossing the antimeridian"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects_bad_box_saying_what_was_expected(String description, String text, String message) {
    assertThatThrownBy(() -> BoundingBox.parse(text))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((InvalidQueryException) e).parameter())
        .isEqualTo("bbox");
  }

  @Test
  void parses_west_south_east_north() {
    assertThat(BoundingBox.parse("14.4, 35.8, 14.6, 36.0"))
        .isEqualTo(new BoundingBox(35.8, 14.4, 36.0, 14.6));
  }

  @Test
  void refuses_box_spanning_too_many_cells() {
    // 1° × 1° near Malta is about 10,000 km²: about 95,000 res-9 cells.
    BoundingBox box = new BoundingBox(35.5, 14.0, 36.5, 15.0);

    assertThatThrownBy(() -> CellQuery.DEFAULT.checkSize(box, 9))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("expected at most 50000 res-9 cells")
        .hasMessageContaining("use a smaller box or a coarser resolution");
    CellQuery.DEFAULT.checkSize(box, 7);
  }
}
