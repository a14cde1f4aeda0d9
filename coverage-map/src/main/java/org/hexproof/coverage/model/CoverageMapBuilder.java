package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.RadioTechnology;

/** Builds the cells of a {@link CoverageMap}: modeled cells first, then measured overrides. */
final class CoverageMapBuilder {
  private final RadioTechnology technology;
  private final int resolution;
  private final CoverageSettings settings;
  private final Map<H3Cell, List<Contribution>> modeled = new HashMap<>();
  private final Map<H3Cell, List<Measurement>> measured = new HashMap<>();
  private final Map<PublicKey, LatLng> locations = new HashMap<>();

  private record Contribution(HotspotCoverage hotspot, CellPrediction prediction, Instant poc) {}

  CoverageMapBuilder(RadioTechnology technology, CoverageSettings settings) {
    this.technology = technology;
    this.resolution = BeaconRadio.resolutionOf(technology);
    this.settings = settings;
  }

  void addHotspot(HotspotCoverage coverage, Instant lastValidPocAt) {
    for (CellPrediction p : coverage.cells()) {
      modeled
          .computeIfAbsent(p.cell(), c -> new ArrayList<>())
          .add(new Contribution(coverage, p, lastValidPocAt));
    }
  }

  void knowLocation(HotspotProfile hotspot) {
    locations.put(hotspot.key(), hotspot.location());
  }

  void addMeasurement(Measurement m) {
    measured
        .computeIfAbsent(H3Cell.fromLatLng(m.location(), resolution), c -> new ArrayList<>())
        .add(m);
  }

  Map<H3Cell, CellCoverage> build() {
    Map<H3Cell, CellCoverage> cells = new HashMap<>();
    modeled.forEach((cell, contributions) -> cells.put(cell, modeledCell(cell, contributions)));
    measured.forEach((cell, samples) -> cells.put(cell, measuredCell(cell, samples)));
    return cells;
  }

  private CellCoverage modeledCell(H3Cell cell, List<Contribution> contributions) {
    SignalLevel level = SignalLevel.NONE;
    double rssi = Double.NEGATIVE_INFINITY;
    int samples = 0;
    Instant newest = Instant.MIN;
    List<HotspotSignal> signals = new ArrayList<>();
    for (Contribution c : contributions) {
      level = level.max(c.prediction().level());
      rssi = Math.max(rssi, c.prediction().predictedRssiDbm());
      samples += c.hotspot().model().sampleCount();
      newest = c.poc().isAfter(newest) ? c.poc() : newest;
      signals.add(
          new HotspotSignal(
              c.hotspot().hotspot().key(),
              c.prediction().distanceMeters(),
              c.prediction().predictedRssiDbm()));
    }
    return new CellCoverage(
        cell,
        level,
        CoverageSource.MODELED,
        OptionalDouble.of(rssi),
        samples,
        newest,
        CellMerge.topSignals(signals, settings.maxBestHotspots()));
  }

  private CellCoverage measuredCell(H3Cell cell, List<Measurement> samples) {
    double best = Double.NEGATIVE_INFINITY;
    Instant newest = Instant.MIN;
    List<HotspotSignal> signals = new ArrayList<>();
    LatLng centre = cell.center();
    for (Measurement m : samples) {
      newest = m.observedAt().isAfter(newest) ? m.observedAt() : newest;
      if (!m.heard()) {
        continue;
      }
      double rssi = m.rssiDbm().getAsDouble();
      best = Math.max(best, rssi);
      for (PublicKey hotspot : m.heardBy()) {
        LatLng at = locations.get(hotspot);
        if (at != null) {
          signals.add(new HotspotSignal(hotspot, GreatCircle.distanceMeters(at, centre), rssi));
        }
      }
    }
    boolean heard = best > Double.NEGATIVE_INFINITY;
    SignalLevel level =
        heard
            ? settings.levels().of(technology).classify(best, Double.NEGATIVE_INFINITY)
            : SignalLevel.NONE;
    return new CellCoverage(
        cell,
        level,
        CoverageSource.MEASURED,
        heard ? OptionalDouble.of(best) : OptionalDouble.empty(),
        samples.size(),
        newest,
        CellMerge.topSignals(signals, settings.maxBestHotspots()));
  }
}
