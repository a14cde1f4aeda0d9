package org.hexproof.coverage.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.tiles.CoverageTiles;
import org.hexproof.coverage.tiles.TileCoordinate;
import org.hexproof.support.http.BadRequestException;

/** Mapbox Vector Tiles of the coverage maps, cached by (tile, technology, map version). */
@Controller("/tiles")
@Requires(property = "hexproof.coverage.enabled", value = "true")
final class TileController {
  /** The registered MVT media type. */
  static final String MVT = "application/vnd.mapbox-vector-tile";

  private final CoverageState state;
  private final TileCache cache;

  TileController(CoverageState state, TileCache cache) {
    this.state = state;
    this.cache = cache;
  }

  /**
   * One XYZ tile with layers {@code coverage} and {@code hotspots}.
   *
   * @param z zoom 0..22
   * @param x column
   * @param file {@code <y>.mvt}
   * @param technology {@code lora} (default) or {@code wifi}: the map drawn
   * @return the tile bytes; 400 for a malformed or out-of-range address
   */
  @Get("/{z}/{x}/{file}")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> tile(
      String z, String x, String file, @QueryValue @Nullable String technology) {
    RadioTechnology tech = Params.technology(technology, RadioTechnology.LORA);
    if (!file.endsWith(".mvt")) {
      throw new BadRequestException("tile: expected /tiles/{z}/{x}/{y}.mvt, got …/" + file);
    }
    TileCoordinate tile =
        new TileCoordinate(
            Params.integer("z", z),
            Params.integer("x", x),
            Params.integer("y", file.substring(0, file.length() - ".mvt".length())));
    CoverageState.Snapshot s = state.current();
    CoverageMap map = s.map(tech);
    byte[] bytes = cache.get(tile, tech, s.version(), () -> CoverageTiles.encode(map, tile));
    return HttpResponse.ok(bytes)
        .contentType(MediaType.of(MVT))
        .header("X-Coverage-Version", Long.toString(s.version()));
  }
}
