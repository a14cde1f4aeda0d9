package org.hexproof.coverage.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hexproof.coverage.model.CellCoverage;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.model.Fixtures;
import org.hexproof.coverage.model.HotspotCoverage;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;

class CoverageGeoJsonTest {
  private static final HotspotCoverage HOTSPOT = Fixtures.sampleHotspot();

  private static CoverageMap map() {
    return Fixtures.sampleMap();
  }

  @Test
  void cells_parse_back_with_ccw_outer_rings_and_properties() throws Exception {
    CoverageMap map = map();

    String json = CoverageGeoJson.cells(map.cells());

    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(root.has("crs")).isFalse();
    assertThat(root.get("features")).hasSize(map.cells().size());
    GeoJsonReader reader = new GeoJsonReader();
    for (JsonNode feature : root.get("features")) {
      assertThat(feature.get("geometry").has("crs")).isFalse();
      Geometry g = reader.read(feature.get("geometry").toString());
      assertThat(g.getGeometryType()).isEqualTo("Polygon");
      assertThat(g.isValid()).isTrue();
      assertThat(Orientation.isCCW(((Polygon) g).getExteriorRing().getCoordinates())).isTrue();
      assertThat(feature.get("properties").fieldNames())
          .toIterable()
          .contains("cell", "level", "source", "rssi");
    }
    JsonNode silent =
        findCell(root, map.lookup(Fixtures.VALLETTA).cell().toString()).get("properties");
    assertThat(silent.get("source").asText()).isEqualTo("MEASURED");
    assertThat(silent.get("level").asText()).isEqualTo("NONE");
    assertThat(silent.get("rssi").isNull()).isTrue();
    // The whole collection also parses with jts-io-common.
    assertThat(reader.read(json).getNumGeometries()).isEqualTo(map.cells().size());
  }

  @Test
  void merged_polygons_union_cells_per_level() throws Exception {
    List<CellCoverage> cells = List.copyOf(map().cells());

    JsonNode root = new ObjectMapper().readTree(CoverageGeoJson.mergedByLevel(cells));

    int merged = 0;
    GeoJsonReader reader = new GeoJsonReader();
    for (JsonNode feature : root.get("features")) {
      Geometry g = reader.read(feature.get("geometry").toString());
      assertThat(g.isValid()).isTrue();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        assertThat(
                Orientation.isCCW(((Polygon) g.getGeometryN(i)).getExteriorRing().getCoordinates()))
            .isTrue();
      }
      merged += feature.get("properties").get("cells").asInt();
    }
    assertThat(merged).isEqualTo(cells.size());
  }

  @Test
  void hotspot_cells_carry_predicted_rssi_and_distance() throws Exception {
    JsonNode root = new ObjectMapper().readTree(CoverageGeoJson.hotspotCells(HOTSPOT));

    assertThat(root.get("features")).hasSize(HOTSPOT.cells().size());
    JsonNode first = root.get("features").get(0).get("properties");
    assertThat(first.get("source").asText()).isEqualTo("MODELED");
    assertThat(first.get("rssi").isNumber()).isTrue();
    assertThat(first.get("distanceMeters").asLong()).isLessThan(200);
  }

  @Test
  void rejects_mixed_resolutions() {
    CoverageMap map = map();
    List<CellCoverage> mixed = List.of(map.cells().iterator().next(), map.cellsAt(8).get(0));

    assertThatThrownBy(() -> CoverageGeoJson.cells(mixed))
        .hasMessageContaining("expected one resolution");
  }

  private static JsonNode findCell(JsonNode root, String cell) {
    for (JsonNode f : root.get("features")) {
      if (f.get("properties").get("cell").asText().equals(cell)) {
        return f;
      }
    }
    throw new AssertionError("no feature for cell " + cell);
  }
}
