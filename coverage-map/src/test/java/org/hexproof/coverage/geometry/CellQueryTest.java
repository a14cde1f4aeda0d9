package org.hexproof.coverage.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hexproof.coverage.model.CellCoverage;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.model.Fixtures;
import org.junit.jupiter.api.Test;

class CellQueryTest {
  private static final BoundingBox AROUND_VALLETTA = new BoundingBox(35.88, 14.49, 35.92, 14.54);

  @Test
  void returns_cells_whose_centre_is_in_the_box() {
    CoverageMap map = Fixtures.sampleMap();

    List<CellCoverage> cells = CellQuery.DEFAULT.cells(map, AROUND_VALLETTA, 9);

    assertThat(cells).isNotEmpty();
    assertThat(cells)
        .allSatisfy(c -> assertThat(AROUND_VALLETTA.contains(c.cell().center())).isTrue());
    assertThat(cells.size()).isLessThanOrEqualTo(map.cells().size());
  }

  @Test
  void aggregates_to_a_coarser_resolution() {
    List<CellCoverage> cells = CellQuery.DEFAULT.cells(Fixtures.sampleMap(), AROUND_VALLETTA, 7);

    assertThat(cells).allSatisfy(c -> assertThat(c.cell().resolution()).isEqualTo(7));
  }

  @Test
  void rejects_resolution_finer_than_the_data() {
    assertThatThrownBy(() -> CellQuery.DEFAULT.cells(Fixtures.sampleMap(), AROUND_VALLETTA, 12))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage(
            "resolution: expected an H3 resolution in [0, 9] (the map's data is res 9), got 12");
  }
}
