package org.hexproof.coverage.tiles;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * One layer of a Mapbox Vector Tile (spec 2.1, {@code vector_tile.proto}) written straight to the
 * protobuf wire format. Geometry must already be in tile units (0..extent, y down); polygons and
 * points only. Exterior rings are written with positive shoelace area in tile coordinates
 * ("clockwise" on screen) and holes negative, as the spec requires; rings that collapse to fewer
 * than three distinct integer points are dropped.
 *
 * <p>Hand-written because the mapbox-vector-tile-java 25.1.0 jar is Java 21 bytecode (class file
 * 65) and this build targets Java 17.
 */
final class MvtLayer {
  private static final int MOVE_TO = 1;
  private static final int LINE_TO = 2;
  private static final int CLOSE_PATH = 7;
  private static final int GEOM_POINT = 1;
  private static final int GEOM_POLYGON = 3;

  private final String name;
  private final int extent;
  private final Map<String, Integer> keys = new LinkedHashMap<>();
  private final Map<Object, Integer> values = new LinkedHashMap<>();
  private final ByteArrayOutputStream features = new ByteArrayOutputStream();
  private int featureCount;

  MvtLayer(String name, int extent) {
    this.name = name;
    this.extent = extent;
  }

  int featureCount() {
    return featureCount;
  }

  /** Adds a Point, Polygon or MultiPolygon with properties (String, Long or Double values). */
  void add(Geometry geometry, Map<String, Object> properties) {
    List<Integer> commands = new ArrayList<>();
    int type;
    if (geometry instanceof Point) {
      Point p = (Point) geometry;
      type = GEOM_POINT;
      commands.add(command(MOVE_TO, 1));
      commands.add(zigzag((int) Math.round(p.getX())));
      commands.add(zigzag((int) Math.round(p.getY())));
    } else {
      type = GEOM_POLYGON;
      int[] cursor = {0, 0};
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        Geometry part = geometry.getGeometryN(i);
        if (part instanceof Polygon) {
          Polygon polygon = (Polygon) part;
          if (!ring(polygon.getExteriorRing(), true, cursor, commands)) {
            continue;
          }
          for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
            ring(polygon.getInteriorRingN(h), false, cursor, commands);
          }
        }
      }
    }
    if (commands.isEmpty()) {
      return;
    }
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    List<Integer> tags = new ArrayList<>();
    properties.forEach(
        (k, v) -> {
          tags.add(keys.computeIfAbsent(k, x -> keys.size()));
          tags.add(values.computeIfAbsent(v, x -> values.size()));
        });
    packed(f, 2, tags);
    tag(f, 3, 0);
    varint(f, type);
    packed(f, 4, commands);
    bytes(features, 2, f.toByteArray());
    featureCount++;
  }

  /** The encoded Layer message (without the Tile field header). */
  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    tag(out, 15, 0);
    varint(out, 2);
    bytes(out, 1, name.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(features.toByteArray());
    for (String k : keys.keySet()) {
      bytes(out, 3, k.getBytes(StandardCharsets.UTF_8));
    }
    for (Object v : values.keySet()) {
      bytes(out, 4, value(v));
    }
    tag(out, 5, 0);
    varint(out, extent);
    return out.toByteArray();
  }

  private static boolean ring(LineString ring, boolean exterior, int[] cursor, List<Integer> out) {
    List<int[]> points = new ArrayList<>();
    Coordinate[] coords = ring.getCoordinates();
    for (int i = 0; i < coords.length - 1; i++) {
      int[] p = {(int) Math.round(coords[i].x), (int) Math.round(coords[i].y)};
      int[] last = points.isEmpty() ? null : points.get(points.size() - 1);
      if (last == null || last[0] != p[0] || last[1] != p[1]) {
        points.add(p);
      }
    }
    while (points.size() > 1 && same(points.get(0), points.get(points.size() - 1))) {
      points.remove(points.size() - 1);
    }
    long twiceArea = 0;
    for (int i = 0; i < points.size(); i++) {
      int[] a = points.get(i);
      int[] b = points.get((i + 1) % points.size());
      twiceArea += (long) a[0] * b[1] - (long) b[0] * a[1];
    }
    if (points.size() < 3 || twiceArea == 0) {
      return false;
    }
    if ((twiceArea > 0) != exterior) {
      java.util.Collections.reverse(points);
    }
    out.add(command(MOVE_TO, 1));
    moveCursor(points.get(0), cursor, out);
    out.add(command(LINE_TO, points.size() - 1));
    for (int i = 1; i < points.size(); i++) {
      moveCursor(points.get(i), cursor, out);
    }
    out.add(command(CLOSE_PATH, 1));
    return true;
  }

  private static boolean same(int[] a, int[] b) {
    return a[0] == b[0] && a[1] == b[1];
  }

  private static void moveCursor(int[] p, int[] cursor, List<Integer> out) {
    out.add(zigzag(p[0] - cursor[0]));
    out.add(zigzag(p[1] - cursor[1]));
    cursor[0] = p[0];
    cursor[1] = p[1];
  }

  private static int command(int id, int count) {
    return (id & 0x7) | (count << 3);
  }

  private static int zigzag(int n) {
    return (n << 1) ^ (n >> 31);
  }

  private static byte[] value(Object v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (v instanceof String) {
      bytes(out, 1, ((String) v).getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof Double) {
      tag(out, 3, 1);
      long bits = Double.doubleToLongBits((Double) v);
      for (int i = 0; i < 8; i++) {
        out.write((int) (bits >>> (8 * i)) & 0xff);
      }
    } else if (v instanceof Long) {
      tag(out, 4, 0);
      varint(out, (Long) v);
    } else {
      throw new IllegalArgumentException(
          "property value: expected String, Long or Double, got " + v.getClass().getName());
    }
    return out.toByteArray();
  }

  static void tag(ByteArrayOutputStream out, int field, int wireType) {
    varint(out, ((long) field << 3) | wireType);
  }

  static void varint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static void bytes(ByteArrayOutputStream out, int field, byte[] payload) {
    tag(out, field, 2);
    varint(out, payload.length);
    out.writeBytes(payload);
  }

  private static void packed(ByteArrayOutputStream out, int field, List<Integer> ints) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    for (int i : ints) {
      varint(p, i & 0xffffffffL);
    }
    bytes(out, field, p.toByteArray());
  }
}
