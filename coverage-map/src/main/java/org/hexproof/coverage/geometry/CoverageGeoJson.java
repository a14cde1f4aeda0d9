package org.hexproof.coverage.geometry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.coverage.model.CellCoverage;
import org.hexproof.coverage.model.CellPrediction;
import org.hexproof.coverage.model.CoverageSource;
import org.hexproof.coverage.model.HotspotCoverage;
import org.hexproof.coverage.model.SignalLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * RFC 7946 GeoJSON FeatureCollections of coverage: no {@code crs} member (WGS84 is implied),
 * exterior rings counter-clockwise, coordinates {@code [lng, lat]} with 7 decimals (about 1 cm).
 * Geometries come from jts-io-common's {@link GeoJsonWriter}; JTS has no Feature type, so the
 * Feature wrapper and properties are written here.
 *
 * <p>Properties: {@code cell} (H3 hex), {@code level} (HIGH/MEDIUM/LOW/NONE), {@code source}
 * (MEASURED/MODELED), {@code rssi} (dBm, one decimal, or null), plus {@code samples} and {@code
 * lastObservedAt} for map cells and {@code distanceMeters} for a hotspot's predicted cells. Merged
 * polygons carry {@code level} and {@code cells} (how many cells were merged).
 */
public final class CoverageGeoJson {
  private static final int DECIMALS = 7;

  private CoverageGeoJson() {}

  /**
   * One Polygon feature per cell, ordered by cell index.
   *
   * @param cells cells of one resolution, not null
   * @return the FeatureCollection
   * @throws IllegalArgumentException if the cells have more than one resolution
   */
  public static String cells(Collection<CellCoverage> cells) {
    List<CellCoverage> sorted = new ArrayList<>(cells);
    sorted.sort((a, b) -> a.cell().compareTo(b.cell()));
    CellPolygons.requireOneResolution(sorted.stream().map(CellCoverage::cell).toList());
    List<String> features = new ArrayList<>(sorted.size());
    for (CellCoverage c : sorted) {
      features.add(
          feature(
              CellPolygons.polygon(c.cell()),
              "\"cell\":"
                  + quote(c.cell().toString())
                  + ",\"level\":"
                  + quote(c.level().name())
                  + ",\"source\":"
                  + quote(c.source().name())
                  + ",\"rssi\":"
                  + number(c.rssiDbm())
                  + ",\"samples\":"
                  + c.sampleCount()
                  + ",\"lastObservedAt\":"
                  + quote(c.lastObservedAt().toString())));
    }
    return collection(features);
  }

  /**
   * One hotspot's predicted cells, nearest first.
   *
   * @param coverage the hotspot's coverage, not null
   * @return the FeatureCollection
   */
  public static String hotspotCells(HotspotCoverage coverage) {
    List<String> features = new ArrayList<>(coverage.cells().size());
    for (CellPrediction p : coverage.cells()) {
      features.add(
          feature(
              CellPolygons.polygon(p.cell()),
              "\"cell\":"
                  + quote(p.cell().toString())
                  + ",\"level\":"
                  + quote(p.level().name())
                  + ",\"source\":"
                  + quote(CoverageSource.MODELED.name())
                  + ",\"rssi\":"
                  + number(OptionalDouble.of(p.predictedRssiDbm()))
                  + ",\"distanceMeters\":"
                  + Math.round(p.distanceMeters())));
    }
    return collection(features);
  }

  /**
   * Coverage merged per level with {@link CellPolygons#union}: one feature per level present,
   * highest level first.
   *
   * @param cells cells of one resolution, not null
   * @return the FeatureCollection
   * @throws IllegalArgumentException if the cells have more than one resolution
   */
  public static String mergedByLevel(Collection<CellCoverage> cells) {
    Map<SignalLevel, List<H3Cell>> byLevel = new EnumMap<>(SignalLevel.class);
    for (CellCoverage c : cells) {
      byLevel.computeIfAbsent(c.level(), l -> new ArrayList<>()).add(c.cell());
    }
    List<String> features = new ArrayList<>();
    SignalLevel[] levels = SignalLevel.values();
    for (int i = levels.length - 1; i >= 0; i--) {
      SignalLevel level = levels[i];
      List<H3Cell> group = byLevel.get(level);
      if (group != null) {
        features.add(
            feature(
                CellPolygons.union(group),
                "\"level\":" + quote(level.name()) + ",\"cells\":" + group.size()));
      }
    }
    return collection(features);
  }

  private static String feature(Geometry geometry, String properties) {
    GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
    writer.setEncodeCRS(false);
    writer.setForceCCW(true);
    return "{\"type\":\"Feature\",\"geometry\":"
        + writer.write(geometry)
        + ",\"properties\":{"
        + properties
        + "}}";
  }

  private static String collection(List<String> features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  private static String number(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "null";
  }

  /** JSON string literal; escapes quotes, backslashes and control characters (RFC 8259 §7). */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.append('"').toString();
  }
}
