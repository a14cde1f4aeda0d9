package org.hexproof.coverage.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;

/**
 * The cells one hotspot is predicted to cover: every cell at the radio's resolution whose centre is
 * within {@link #rangeMeters()} of the hotspot, where {@code range = min(model range to the
 * sensitivity, evidenceFactor × furthest verified witness)}. So a strong model never claims cells
 * far beyond where a witness actually heard the hotspot.
 *
 * @param hotspot the hotspot, not null
 * @param model its fitted path-loss model, not null
 * @param furthestWitnessMeters distance of its furthest valid witness in metres, &gt; 0
 * @param rangeMeters the radius coverage is claimed within, in metres, &gt; 0
 * @param limit which bound set {@code rangeMeters}, not null
 * @param cells the covered cells, nearest first, distinct; unmodifiable
 */
public record HotspotCoverage(
    HotspotProfile hotspot,
    PathLossModel model,
    double furthestWitnessMeters,
    double rangeMeters,
    RangeLimit limit,
    List<CellPrediction> cells) {

  /** Which bound limits a hotspot's coverage radius. */
  public enum RangeLimit {
    /** The model's prediction reaches the receiver sensitivity first. */
    SENSITIVITY,
    /** The evidence bound (evidenceFactor × furthest witness) is nearer. */
    EVIDENCE
  }

  /** Validates and copies {@code cells}. */
  public HotspotCoverage {
    Objects.requireNonNull(hotspot, "hotspot");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(limit, "limit");
    Checks.finite("furthestWitnessMeters", furthestWitnessMeters);
    Checks.finite("rangeMeters", rangeMeters);
    cells = List.copyOf(cells);
  }

  /**
   * Predicts a hotspot's coverage.
   *
   * @param hotspot the hotspot, not null
   * @param model its path-loss model, not null
   * @param furthestWitnessMeters its furthest valid witness in metres, finite and &gt; 0
   * @param settings thresholds and the evidence factor, not null
   * @return the prediction
   * @throws IllegalArgumentException if {@code furthestWitnessMeters} is not positive
   */
  public static HotspotCoverage predict(
      HotspotProfile hotspot,
      PathLossModel model,
      double furthestWitnessMeters,
      CoverageSettings settings) {
    if (!Double.isFinite(furthestWitnessMeters) || furthestWitnessMeters <= 0) {
      throw new IllegalArgumentException(
          "furthestWitnessMeters: expected a finite value > 0, got " + furthestWitnessMeters);
    }
    BeaconRadio radio = hotspot.radio();
    double floor = radio.sensitivityDbm();
    double modelRange = model.rangeMeters(floor);
    double evidenceRange = furthestWitnessMeters * settings.evidenceFactor();
    double range = Math.min(modelRange, evidenceRange);
    RangeLimit limit = modelRange <= evidenceRange ? RangeLimit.SENSITIVITY : RangeLimit.EVIDENCE;
    SignalLevels.Thresholds thresholds = settings.levels().of(radio.technology());

    LatLng origin = hotspot.location();
    H3Cell home = H3Cell.fromLatLng(origin, radio.cellResolution());
    List<CellPrediction> cells = new ArrayList<>();
    for (H3Cell cell : home.disk(ringsToCover(home, range))) {
      double distance = GreatCircle.distanceMeters(origin, cell.center());
      if (distance > range) {
        continue;
      }
      double rssi = model.predictRssiDbm(distance);
      SignalLevel level = thresholds.classify(rssi, floor);
      if (level.covered()) {
        cells.add(new CellPrediction(cell, distance, rssi, level));
      }
    }
    cells.sort(
        Comparator.comparingDouble(CellPrediction::distanceMeters)
            .thenComparing(CellPrediction::cell));
    return new HotspotCoverage(hotspot, model, furthestWitnessMeters, range, limit, cells);
  }

  /**
   * Grid radius k whose disk holds every cell with its centre within {@code rangeMeters}. In a hex
   * grid with neighbour spacing s, ring k is at least k·s·√3/2 from the centre; the local spacing
   * is measured rather than taken from the global average, because cell size varies about 2× over
   * the globe. One extra ring covers the hotspot sitting off its cell's centre.
   */
  private static int ringsToCover(H3Cell home, double rangeMeters) {
    List<H3Cell> ring = home.disk(1);
    double spacing = Double.MAX_VALUE;
    for (H3Cell neighbour : ring.subList(1, ring.size())) {
      spacing = Math.min(spacing, home.distanceMeters(neighbour));
    }
    return (int) Math.ceil(rangeMeters / (spacing * Math.sqrt(3) / 2)) + 1;
  }
}
