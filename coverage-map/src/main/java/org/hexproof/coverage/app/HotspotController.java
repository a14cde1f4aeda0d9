package org.hexproof.coverage.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.coverage.geometry.CoverageGeoJson;
import org.hexproof.coverage.model.BeaconRadio;
import org.hexproof.coverage.model.CellCoverage;
import org.hexproof.coverage.model.CellPrediction;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.model.CoverageSource;
import org.hexproof.coverage.model.HotspotCoverage;
import org.hexproof.coverage.model.HotspotSignal;
import org.hexproof.coverage.store.StoredHotspot;
import org.hexproof.support.http.ProblemJson;

/** Hotspots for the map's markers, and the hexes one hotspot covers (mappers #61, #115). */
@Controller("/v1/coverage/hotspots")
@Requires(property = "hexproof.coverage.enabled", value = "true")
final class HotspotController {
  private final CoverageState state;

  HotspotController(CoverageState state) {
    this.state = state;
  }

  /**
   * Every hotspot the feed named, by key.
   *
   * @return the hotspots
   */
  @Get
  List<Views.Hotspot> all() {
    CoverageState.Snapshot s = state.current();
    List<Views.Hotspot> out = new ArrayList<>();
    s.hotspots().values().stream()
        .sorted(Comparator.comparing(StoredHotspot::key))
        .forEach(h -> out.add(view(s, h)));
    return out;
  }

  /**
   * One hotspot's predicted cells as GeoJSON, nearest first; an empty collection when it is known
   * but not counted (stale, or no witnesses yet).
   *
   * @param key base58 key
   * @param technology {@code lora} or {@code wifi}: the map; by default the hotspot's own radio's
   *     (LoRa when it has none)
   * @return 200 GeoJSON, 400 for a malformed key or technology, 404 for a key the feed never named
   */
  @Get("/{key}")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> cells(String key, @QueryValue @Nullable String technology) {
    return withHotspot(key, technology, (c, map) -> CoverageGeoJson.hotspotCells(c));
  }

  /**
   * One hotspot's predicted cells merged per level with CoverageUnion.
   *
   * @param key base58 key
   * @param technology as for the cells
   * @return 200 GeoJSON (one (multi)polygon per level), 400, or 404 as for the cells
   */
  @Get("/{key}/polygons")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<?> polygons(String key, @QueryValue @Nullable String technology) {
    return withHotspot(
        key,
        technology,
        (c, map) -> {
          List<CellCoverage> cells = new ArrayList<>(c.cells().size());
          for (CellPrediction p : c.cells()) {
            cells.add(
                new CellCoverage(
                    p.cell(),
                    p.level(),
                    CoverageSource.MODELED,
                    OptionalDouble.of(p.predictedRssiDbm()),
                    c.model().sampleCount(),
                    map.asOf(),
                    List.of(
                        new HotspotSignal(
                            c.hotspot().key(), p.distanceMeters(), p.predictedRssiDbm()))));
          }
          return CoverageGeoJson.mergedByLevel(cells);
        });
  }

  private HttpResponse<?> withHotspot(
      String key,
      String technology,
      java.util.function.BiFunction<HotspotCoverage, CoverageMap, String> render) {
    PublicKey parsed = Params.key("key", key);
    CoverageState.Snapshot s = state.current();
    StoredHotspot known = s.hotspots().get(parsed);
    RadioTechnology own = known == null ? RadioTechnology.LORA : technologyOf(known);
    CoverageMap map = s.map(Params.technology(technology, own));
    if (!s.hotspots().containsKey(parsed)) {
      return HttpResponse.<ProblemJson>status(HttpStatus.NOT_FOUND)
          .contentType(ProblemJson.MEDIA_TYPE)
          .body(
              ProblemJson.of(
                  HttpStatus.NOT_FOUND,
                  "no hotspot " + key + " in the verified-PoC feed",
                  "/v1/coverage/hotspots/" + key));
    }
    Optional<HotspotCoverage> coverage = map.hotspot(parsed);
    String body =
        coverage
            .map(c -> render.apply(c, map))
            .orElse("{\"type\":\"FeatureCollection\",\"features\":[]}");
    return HttpResponse.ok(body).contentType(MediaType.of(CoverageController.GEO_JSON));
  }

  private static Views.Hotspot view(CoverageState.Snapshot s, StoredHotspot h) {
    Optional<LatLng> at = h.location().map(c -> c.center());
    Optional<HotspotCoverage> c = s.map(technologyOf(h)).hotspot(h.key());
    return new Views.Hotspot(
        h.key().toBase58(),
        at.map(LatLng::latDegrees).orElse(null),
        at.map(LatLng::lngDegrees).orElse(null),
        h.location().map(Object::toString).orElse(null),
        h.radio().map(BeaconRadio::dataRateName).orElse(null),
        h.radio().map(r -> Params.name(r.technology())).orElse(null),
        h.lastValidPoc().map(Object::toString).orElse(null),
        c.isPresent(),
        h.validBeacons(),
        h.validWitnesses(),
        s.modelSamples().getOrDefault(h.key(), 0),
        c.map(x -> x.cells().size()).orElse(0),
        c.map(x -> Math.round(x.rangeMeters())).orElse(null));
  }

  /** The map a hotspot's coverage is on: its radio's, LoRa when it never beaconed. */
  private static RadioTechnology technologyOf(StoredHotspot h) {
    return h.radio().map(BeaconRadio::technology).orElse(RadioTechnology.LORA);
  }
}
