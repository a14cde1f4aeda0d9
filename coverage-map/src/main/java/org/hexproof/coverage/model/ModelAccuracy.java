package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;

/**
 * The model judged against drive-test measurements (pure).
 *
 * <ul>
 *   <li><b>Point.</b> Measurements with the same location and time are one mapper packet, however
 *       many rows (one per hearing) carry it.
 *   <li><b>Covered, predicted.</b> The model claims the point's cell: for a hotspot, the cell is in
 *       its {@link HotspotCoverage#cells()} (the model's own threshold: predicted RSSI at the cell
 *       centre at or above the receiver sensitivity of its beacon datarate, within the evidence
 *       range); overall, any counted hotspot claims it. Measurements do not enter the prediction
 *       (on the map they override it; here they are what it is judged against).
 *   <li><b>Covered, measured.</b> The hotspot heard the packet; overall, anyone heard it.
 *   <li><b>RSSI error.</b> predicted − measured, where predicted is the hotspot's path-loss model
 *       at the exact point-to-hotspot distance. Only hearings with a hotspot's own RSSI count: a
 *       measurement with one hearer (a drive-test CSV row); an upload listing several hearers with
 *       one best RSSI counts for coverage only. Hotspots not counted on the map (stale, no model)
 *       have no prediction: their hearings are false negatives and not RSSI pairs.
 * </ul>
 *
 * <p>Per hotspot, every point is a trial. A hotspot is listed when the model claims at least one
 * point for it or it heard one, or when it is asked for by key.
 */
public final class ModelAccuracy {
  private ModelAccuracy() {}

  /**
   * Evaluates the model.
   *
   * @param counted the hotspots on the map with their predictions ({@link CoverageMap#hotspots()})
   * @param measurements the field measurements, in any order
   * @param only when present, list this hotspot alone (even with no evidence)
   * @return overall and per-hotspot accuracy, hotspots in base58 order
   */
  public static AccuracyReport evaluate(
      Collection<HotspotCoverage> counted,
      Collection<Measurement> measurements,
      Optional<PublicKey> only) {
    Objects.requireNonNull(only, "only");
    Map<PublicKey, HotspotCoverage> byKey = new HashMap<>();
    Map<H3Cell, Set<PublicKey>> claimants = new HashMap<>();
    Set<Integer> resolutions = new HashSet<>();
    for (HotspotCoverage h : counted) {
      byKey.put(h.hotspot().key(), h);
      resolutions.add(h.hotspot().radio().cellResolution());
      for (CellPrediction c : h.cells()) {
        claimants.computeIfAbsent(c.cell(), x -> new HashSet<>()).add(h.hotspot().key());
      }
    }
    List<Point> points = points(measurements);
    Set<PublicKey> listed = new HashSet<>();
    only.ifPresent(listed::add);
    Tally overall = new Tally();
    for (Point p : points) {
      for (int res : resolutions) {
        p.claimedBy.addAll(claimants.getOrDefault(H3Cell.fromLatLng(p.location, res), Set.of()));
      }
      overall.add(!p.claimedBy.isEmpty(), !p.heardBy.isEmpty());
      p.rssi.forEach((k, measured) -> error(byKey.get(k), p.location, measured, overall));
      if (only.isEmpty()) {
        listed.addAll(p.claimedBy);
        listed.addAll(p.heardBy);
      }
    }
    Map<PublicKey, Tally> perHotspot = new HashMap<>();
    for (PublicKey k : listed) {
      Tally t = perHotspot.computeIfAbsent(k, x -> new Tally());
      for (Point p : points) {
        t.add(p.claimedBy.contains(k), p.heardBy.contains(k));
        Double measured = p.rssi.get(k);
        if (measured != null) {
          error(byKey.get(k), p.location, measured, t);
        }
      }
    }
    List<Accuracy> hotspots = new ArrayList<>();
    perHotspot.entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getKey().toBase58()))
        .forEach(e -> hotspots.add(e.getValue().accuracy(Optional.of(e.getKey()))));
    return new AccuracyReport(overall.accuracy(Optional.empty()), hotspots);
  }

  private static void error(HotspotCoverage h, LatLng at, double measuredDbm, Tally into) {
    if (h != null) {
      double distance = GreatCircle.distanceMeters(h.hotspot().location(), at);
      into.addError(h.model().predictRssiDbm(distance) - measuredDbm);
    }
  }

  private record Key(LatLng location, Instant at) {}

  /** One mapper packet: who heard it, and each single hearer's own RSSI. */
  private static final class Point {
    final LatLng location;
    final Set<PublicKey> heardBy = new HashSet<>();
    final Set<PublicKey> claimedBy = new HashSet<>();
    final Map<PublicKey, Double> rssi = new HashMap<>();

    Point(LatLng location) {
      this.location = location;
    }
  }

  private static List<Point> points(Collection<Measurement> measurements) {
    Map<Key, Point> points = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      Point p =
          points.computeIfAbsent(
              new Key(m.location(), m.observedAt()), k -> new Point(m.location()));
      p.heardBy.addAll(m.heardBy());
      if (m.heardBy().size() == 1) {
        p.rssi.put(m.heardBy().iterator().next(), m.rssiDbm().getAsDouble());
      }
    }
    return new ArrayList<>(points.values());
  }

  /** Running counts and error sums. */
  private static final class Tally {
    int tp;
    int fp;
    int fn;
    int tn;
    int pairs;
    double sum;
    double sumSquares;

    void add(boolean predicted, boolean measured) {
      if (predicted && measured) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (measured) {
        fn++;
      } else {
        tn++;
      }
    }

    void addError(double errorDb) {
      pairs++;
      sum += errorDb;
      sumSquares += errorDb * errorDb;
    }

    Accuracy accuracy(Optional<PublicKey> hotspot) {
      return new Accuracy(
          hotspot,
          tp + fp + fn + tn,
          tp + fn,
          tp + fp,
          tp,
          fp,
          fn,
          tn,
          pairs,
          pairs == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.sqrt(sumSquares / pairs)),
          pairs == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / pairs));
    }
  }
}
