package org.hexproof.coverage.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.hexproof.core.geo.LatLng;
import org.hexproof.coverage.geometry.BoundingBox;
import org.hexproof.coverage.geometry.InvalidQueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TileCoordinateTest {

  static Stream<Arguments> vectors() throws IOException {
    try (InputStream in = TileCoordinateTest.class.getResourceAsStream("/vectors/xyz-tiles.json")) {
      List<Arguments> cases = new ArrayList<>();
      for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
        cases.add(
            Arguments.of(
                c.get("description").asText(),
                new LatLng(c.get("lat").asDouble(), c.get("lng").asDouble()),
                new TileCoordinate(c.get("zoom").asInt(), c.get("x").asInt(), c.get("y").asInt())));
      }
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void finds_the_tile_containing_a_point(String description, LatLng point, TileCoordinate tile) {
    assertThat(TileCoordinate.containing(point, tile.zoom())).isEqualTo(tile);
  }

  @Test
  void zoom_0_is_the_world() {
    BoundingBox world = new TileCoordinate(0, 0, 0).bounds();

    assertThat(world.west()).isEqualTo(-180);
    assertThat(world.east()).isEqualTo(180);
    assertThat(world.north()).isCloseTo(85.0511, within(1e-4));
    assertThat(world.south()).isCloseTo(-85.0511, within(1e-4));
    assertThat(new TileCoordinate(0, 0, 0).mercatorEnvelope().getWidth())
        .isCloseTo(2 * Math.PI * 6_378_137, within(1e-6));
  }

  @Test
  void tile_bounds_contain_the_point_that_chose_it() {
    LatLng valletta = new LatLng(35.8989, 14.5146);

    BoundingBox b = TileCoordinate.containing(valletta, 12).bounds();

    assertThat(b.contains(valletta)).isTrue();
    assertThat(b.east() - b.west()).isCloseTo(360.0 / 4096, within(1e-12));
  }

  @Test
  void rejects_tiles_outside_the_grid() {
    assertThatThrownBy(() -> new TileCoordinate(2, 4, 0))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("tile: expected x and y in [0, 3] at zoom 2, got x=4, y=0");
    assertThatThrownBy(() -> new TileCoordinate(23, 0, 0))
        .hasMessage("tile: expected zoom in [0, 22], got 23");
  }

  @ParameterizedTest(name = "zoom {0} on res-{1} data draws res {2}")
  @CsvSource({
    "0,9,-1",
    "6,9,-1",
    "7,9,6",
    "8,9,6",
    "9,9,7",
    "10,9,8",
    "11,9,8",
    "12,9,9",
    "13,9,9",
    "15,9,9",
    "13,12,10",
    "14,12,11",
    "15,12,12",
    "22,12,12"
  })
  void zoom_ladder_picks_resolution_capped_by_data(int zoom, int data, int expected) {
    OptionalInt r = ZoomLadder.resolutionFor(zoom, data);

    assertThat(r.orElse(-1)).isEqualTo(expected);
  }
}
