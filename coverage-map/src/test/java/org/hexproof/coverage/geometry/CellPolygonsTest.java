package org.hexproof.coverage.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class CellPolygonsTest {
  private static final H3Cell CENTRE = H3Cell.fromLatLng(new LatLng(35.8989, 14.5146), 12);

  @Test
  void builds_closed_ccw_ring_with_x_as_longitude() {
    Polygon p = CellPolygons.polygon(CENTRE);

    assertThat(p.isValid()).isTrue();
    assertThat(p.getExteriorRing().isClosed()).isTrue();
    assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinates())).isTrue();
    assertThat(p.getCentroid().getX()).isCloseTo(14.5146, within(0.001));
    assertThat(p.getCentroid().getY()).isCloseTo(35.8989, within(0.001));
    assertThat(p.getSRID()).isEqualTo(4326);
  }

  @Test
  void union_of_res_12_k_ring_is_one_valid_polygon_with_the_cells_area() {
    List<H3Cell> disk = CENTRE.disk(10);

    Geometry union = CellPolygons.union(disk);

    double sumOfCells = disk.stream().mapToDouble(c -> CellPolygons.polygon(c).getArea()).sum();
    assertThat(union.getGeometryType()).isEqualTo("Polygon");
    assertThat(union.isValid()).isTrue();
    assertThat(((Polygon) union).getNumInteriorRing()).isZero();
    assertThat(union.getArea()).isCloseTo(sumOfCells, within(sumOfCells * 0.01));
  }

  @Test
  void drops_duplicate_cells() {
    List<H3Cell> twice = new ArrayList<>(CENTRE.disk(1));
    twice.addAll(CENTRE.disk(1));

    assertThat(CellPolygons.polygons(twice)).hasSize(7);
    assertThat(CellPolygons.union(twice).getArea())
        .isCloseTo(CellPolygons.union(CENTRE.disk(1)).getArea(), within(1e-15));
  }

  @Test
  void rejects_mixed_resolutions() {
    assertThatThrownBy(() -> CellPolygons.union(List.of(CENTRE, CENTRE.parent(9))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected one resolution")
        .hasMessageContaining("[9, 12]");
  }

  @Test
  void no_cells_give_an_empty_polygon() {
    assertThat(CellPolygons.union(List.of()).isEmpty()).isTrue();
  }
}
