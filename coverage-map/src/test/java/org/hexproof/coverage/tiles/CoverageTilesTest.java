package org.hexproof.coverage.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.model.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Decodes tiles with protobuf-java's wire reader against {@code vector_tile.proto} (spec 2.1), an
 * independent check of the hand-written encoder.
 */
public class CoverageTilesTest {

  public record Feature(int type, Map<String, Object> properties, List<Integer> geometry) {}

  public record Layer(int version, String name, int extent, List<Feature> features) {}

  @Test
  void encodes_coverage_and_hotspot_layers_that_decode_back() throws IOException {
    CoverageMap map = Fixtures.sampleMap();
    TileCoordinate tile = TileCoordinate.containing(Fixtures.VALLETTA, 12);

    Map<String, Layer> layers = decode(CoverageTiles.encode(map, tile));

    Layer coverage = layers.get("coverage");
    assertThat(coverage.version()).isEqualTo(2);
    assertThat(coverage.extent()).isEqualTo(4096);
    // The coverage crosses the tile's west edge: cells centred inside are all there, far ones not.
    long centredInside =
        map.cells().stream().filter(c -> tile.bounds().contains(c.cell().center())).count();
    assertThat((long) coverage.features().size())
        .isBetween(centredInside, (long) map.cells().size() - 1);
    assertThat(coverage.features())
        .allSatisfy(
            f -> {
              assertThat(f.type()).isEqualTo(3);
              assertThat(f.properties()).containsKeys("cell", "level", "source");
              assertThat(f.geometry().get(0) & 7).isEqualTo(1);
            });
    assertThat(coverage.features())
        .anySatisfy(
            f -> {
              assertThat(f.properties()).containsEntry("source", "MEASURED");
              assertThat(f.properties()).containsEntry("level", "NONE");
              assertThat(f.properties()).doesNotContainKey("rssi");
            });
    assertThat(coverage.features())
        .anySatisfy(f -> assertThat(f.properties().get("rssi")).isInstanceOf(Double.class));
    Layer hotspots = layers.get("hotspots");
    assertThat(hotspots.features()).hasSize(1);
    assertThat(hotspots.features().get(0).type()).isEqualTo(1);
    assertThat(hotspots.features().get(0).properties())
        .containsEntry("hotspot", Fixtures.key(1).toBase58())
        .containsEntry("cells", (long) map.hotspots().iterator().next().cells().size());
  }

  @Test
  void zoom_10_draws_res_8_aggregates() throws IOException {
    CoverageMap map = Fixtures.sampleMap();

    Map<String, Layer> layers =
        decode(CoverageTiles.encode(map, TileCoordinate.containing(Fixtures.VALLETTA, 10)));

    assertThat(layers.get("coverage").features()).hasSize(map.cellsAt(8).size());
    assertThat(layers.get("coverage").features())
        .allSatisfy(f -> assertThat(f.properties().get("cell").toString()).startsWith("88"));
  }

  @Test
  void points_only_zoom_has_no_coverage_features() throws IOException {
    Map<String, Layer> layers =
        decode(
            CoverageTiles.encode(
                Fixtures.sampleMap(), TileCoordinate.containing(Fixtures.VALLETTA, 5)));

    assertThat(layers.get("coverage").features()).isEmpty();
    assertThat(layers.get("hotspots").features()).hasSize(1);
  }

  @Test
  void tile_far_away_is_empty() throws IOException {
    Map<String, Layer> layers =
        decode(CoverageTiles.encode(Fixtures.sampleMap(), new TileCoordinate(12, 0, 0)));

    assertThat(layers.get("coverage").features()).isEmpty();
    assertThat(layers.get("hotspots").features()).isEmpty();
  }

  public static Map<String, Layer> decode(byte[] tile) throws IOException {
    Map<String, Layer> layers = new HashMap<>();
    CodedInputStream in = CodedInputStream.newInstance(tile);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      assertThat(tag >>> 3).isEqualTo(3);
      Layer layer = layer(CodedInputStream.newInstance(in.readByteArray()));
      layers.put(layer.name(), layer);
    }
    return layers;
  }

  private static Layer layer(CodedInputStream in) throws IOException {
    int version = 1;
    int extent = 4096;
    String name = null;
    List<String> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    List<byte[]> rawFeatures = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case 15 -> version = in.readUInt32();
        case 1 -> name = in.readString();
        case 2 -> rawFeatures.add(in.readByteArray());
        case 3 -> keys.add(in.readString());
        case 4 -> values.add(value(CodedInputStream.newInstance(in.readByteArray())));
        case 5 -> extent = in.readUInt32();
        default -> in.skipField(tag);
      }
    }
    List<Feature> features = new ArrayList<>();
    for (byte[] raw : rawFeatures) {
      features.add(feature(CodedInputStream.newInstance(raw), keys, values));
    }
    return new Layer(version, name, extent, features);
  }

  private static Feature feature(CodedInputStream in, List<String> keys, List<Object> values)
      throws IOException {
    int type = 0;
    List<Integer> tags = new ArrayList<>();
    List<Integer> geometry = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case 2 -> tags.addAll(packed(in));
        case 3 -> type = in.readEnum();
        case 4 -> geometry.addAll(packed(in));
        default -> in.skipField(tag);
      }
    }
    Map<String, Object> properties = new HashMap<>();
    for (int i = 0; i < tags.size(); i += 2) {
      properties.put(keys.get(tags.get(i)), values.get(tags.get(i + 1)));
    }
    return new Feature(type, properties, geometry);
  }

  private static List<Integer> packed(CodedInputStream in) throws IOException {
    CodedInputStream p = CodedInputStream.newInstance(in.readByteArray());
    List<Integer> out = new ArrayList<>();
    while (!p.isAtEnd()) {
      out.add(p.readUInt32());
    }
    return out;
  }

  private static Object value(CodedInputStream in) throws IOException {
    int tag = in.readTag();
    return switch (tag >>> 3) {
      case 1 -> in.readString();
      case 3 -> in.readDouble();
      case 4 -> in.readInt64();
      default -> throw new AssertionError("unexpected value field " + (tag >>> 3));
    };
  }
}
