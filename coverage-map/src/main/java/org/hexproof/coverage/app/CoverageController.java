package org.hexproof.coverage.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.coverage.geometry.BoundingBox;
import org.hexproof.coverage.geometry.CellQuery;
import org.hexproof.coverage.geometry.CoverageGeoJson;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.model.CoverageSummary;
import org.hexproof.coverage.model.HotspotSignal;
import org.hexproof.coverage.model.PointCoverage;
import org.hexproof.coverage.tiles.TileCoordinate;
import org.hexproof.coverage.tiles.ZoomLadder;
import org.hexproof.support.http.BadRequestException;

/** "Is there coverage here?", the cells of a view, and the map's summary. */
@Controller("/v1/coverage")
@Requires(property = "hexproof.coverage.enabled", value = "true")
final class CoverageController {
  /** RFC 7946 §12. */
  static final String GEO_JSON = "application/geo+json";

  private final CoverageState state;
  private final CoverageConfig config;

  CoverageController(CoverageState state, CoverageConfig config) {
    this.state = state;
    this.config = config;
  }

  /**
   * The coverage of a point ({@code lat}, {@code lng}) or of a cell's centre ({@code cell}).
   *
   * @param lat latitude in degrees
   * @param lng longitude in degrees
   * @param cell an H3 cell (hex or decimal) instead of lat/lng
   * @param technology {@code lora} (default) or {@code wifi}: the map that answers
   * @return the answer; NOT_MAPPED when nothing is known
   */
  @Get("/point")
  Views.Point point(
      @QueryValue @Nullable String lat,
      @QueryValue @Nullable String lng,
      @QueryValue @Nullable String cell,
      @QueryValue @Nullable String technology) {
    RadioTechnology tech = Params.technology(technology, RadioTechnology.LORA);
    LatLng at;
    if (cell != null && lat == null && lng == null) {
      at = Params.cell("cell", cell).center();
    } else if (cell == null) {
      at = Params.point("lat", Params.number("lat", lat), "lng", Params.number("lng", lng));
    } else {
      throw new BadRequestException(
          "point: expected either lat and lng or cell, got lat, lng and cell");
    }
    CoverageState.Snapshot s = state.current();
    CoverageMap map = s.map(tech);
    PointCoverage p = map.lookup(at);
    Map<String, Boolean> coveredBy = new LinkedHashMap<>();
    for (RadioTechnology t : RadioTechnology.values()) {
      coveredBy.put(Params.name(t), t == tech ? p.covered() : s.map(t).lookup(at).covered());
    }
    List<Views.Signal> best = new ArrayList<>();
    for (HotspotSignal h : p.bestHotspots()) {
      best.add(
          new Views.Signal(
              h.hotspot().toBase58(), Math.round(h.distanceMeters()), tenth(h.rssiDbm())));
    }
    return new Views.Point(
        at.latDegrees(),
        at.lngDegrees(),
        p.covered(),
        p.status().name(),
        p.source().map(Enum::name).orElse(null),
        p.level().name(),
        p.rssiDbm().isPresent() ? tenth(p.rssiDbm().getAsDouble()) : null,
        p.cell().toString(),
        p.cell().resolution(),
        p.sampleCount(),
        p.lastObservedAt().map(Object::toString).orElse(null),
        best,
        map.asOf().toString(),
        s.version(),
        Params.name(tech),
        coveredBy);
  }

  /**
   * Cells in a box as GeoJSON, at a resolution given directly ({@code res}) or by a map zoom
   * ({@code zoom}, through the ladder); by default the map's resolution.
   *
   * @param bbox {@code west,south,east,north} in degrees
   * @param res H3 resolution 0..map resolution
   * @param zoom map zoom 0..22, instead of res
   * @param technology {@code lora} (default) or {@code wifi}: the map drawn
   * @return a FeatureCollection, one polygon per cell
   */
  @Get("/cells")
  @Produces(GEO_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  String cells(
      @QueryValue @Nullable String bbox,
      @QueryValue @Nullable String res,
      @QueryValue @Nullable String zoom,
      @QueryValue @Nullable String technology) {
    RadioTechnology tech = Params.technology(technology, RadioTechnology.LORA);
    if (bbox == null) {
      throw new BadRequestException(
          "bbox: expected \"west,south,east,north\" in degrees, got nothing");
    }
    BoundingBox box = BoundingBox.parse(bbox);
    CoverageMap map = state.current().map(tech);
    int resolution = map.resolution();
    if (res != null && zoom != null) {
      throw new BadRequestException("res, zoom: expected one of them, got both");
    } else if (res != null) {
      resolution = Params.integer("res", res);
    } else if (zoom != null) {
      int z = Params.integer("zoom", zoom);
      if (z < 0 || z > TileCoordinate.MAX_ZOOM) {
        throw new BadRequestException(
            "zoom: expected 0.." + TileCoordinate.MAX_ZOOM + ", got " + z);
      }
      OptionalInt r = ZoomLadder.resolutionFor(z, map.resolution());
      if (r.isEmpty()) {
        return CoverageGeoJson.cells(List.of());
      }
      resolution = r.getAsInt();
    }
    return CoverageGeoJson.cells(CellQuery.DEFAULT.cells(map, box, resolution));
  }

  /**
   * Counts, freshness, the zoom ladder and the page's base-map settings.
   *
   * @param technology {@code lora} (default) or {@code wifi}: the map summarised
   * @return the summary
   */
  @Get("/summary")
  Views.Summary summary(@QueryValue @Nullable String technology) {
    CoverageState.Snapshot s = state.current();
    CoverageMap map = s.map(Params.technology(technology, RadioTechnology.LORA));
    CoverageSummary sum = map.summary();
    Map<String, Integer> byLevel = new LinkedHashMap<>();
    new EnumMap<>(sum.cellsByLevel()).forEach((k, v) -> byLevel.put(k.name(), v));
    Map<String, Integer> bySource = new LinkedHashMap<>();
    new EnumMap<>(sum.cellsBySource()).forEach((k, v) -> bySource.put(k.name(), v));
    return new Views.Summary(
        sum.technology().name(),
        sum.resolution(),
        sum.asOf().toString(),
        s.version(),
        s.cursor(),
        sum.totalCells(),
        byLevel,
        bySource,
        s.hotspots().size(),
        sum.hotspotsCounted(),
        sum.hotspotsStale(),
        sum.newestObservation().map(Object::toString).orElse(null),
        sum.oldestObservation().map(Object::toString).orElse(null),
        ladder(map.resolution()),
        config.tileUrl() == null ? "" : config.tileUrl(),
        config.tileAttribution() == null ? "" : config.tileAttribution());
  }

  /**
   * The zoom → resolution ladder alone.
   *
   * @param technology {@code lora} (default) or {@code wifi}
   * @return the ladder
   */
  @Get("/ladder")
  Views.Ladder ladder(@QueryValue @Nullable String technology) {
    return ladder(
        state.current().map(Params.technology(technology, RadioTechnology.LORA)).resolution());
  }

  /**
   * Cell details by index, for shareable links.
   *
   * @param cell an H3 cell
   * @param technology {@code lora} (default) or {@code wifi}
   * @return the coverage at its centre
   */
  @Get("/cells/{cell}")
  Views.Point cell(String cell, @QueryValue @Nullable String technology) {
    H3Cell parsed = Params.cell("cell", cell);
    return point(null, null, parsed.toString(), technology);
  }

  static Views.Ladder ladder(int dataResolution) {
    List<Integer> byZoom = new ArrayList<>();
    for (int z = 0; z <= TileCoordinate.MAX_ZOOM; z++) {
      OptionalInt r = ZoomLadder.resolutionFor(z, dataResolution);
      byZoom.add(r.isPresent() ? r.getAsInt() : null);
    }
    return new Views.Ladder(ZoomLadder.POINTS_ONLY_MAX_ZOOM, dataResolution, byZoom);
  }

  static double tenth(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
