package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.keys.PublicKey;

/** Merging rules shared by map building and coarser-resolution aggregation. */
final class CellMerge {
  private CellMerge() {}

  /** Best level first, then strongest RSSI (absent is weakest), then measured before modeled. */
  static final Comparator<CellCoverage> BEST_FIRST =
      Comparator.comparingInt((CellCoverage c) -> c.level().code())
          .thenComparingDouble(c -> c.rssiDbm().orElse(Double.NEGATIVE_INFINITY))
          .thenComparing(c -> c.source() == CoverageSource.MEASURED)
          .reversed();

  /** Keeps each hotspot's strongest signal, strongest first, at most {@code limit}. */
  static List<HotspotSignal> topSignals(Collection<HotspotSignal> signals, int limit) {
    Map<PublicKey, HotspotSignal> best = new HashMap<>();
    for (HotspotSignal s : signals) {
      best.merge(
          s.hotspot(), s, (a, b) -> HotspotSignal.STRONGEST_FIRST.compare(a, b) <= 0 ? a : b);
    }
    List<HotspotSignal> sorted = new ArrayList<>(best.values());
    sorted.sort(HotspotSignal.STRONGEST_FIRST);
    return sorted.subList(0, Math.min(limit, sorted.size()));
  }

  /**
   * Folds child cells into their parent: the best child decides level, source and RSSI; sample
   * counts add up; freshness is the newest; hotspot lists merge.
   */
  static CellCoverage intoParent(H3Cell parent, List<CellCoverage> children, int maxHotspots) {
    CellCoverage best = children.stream().min(BEST_FIRST).orElseThrow();
    int samples = 0;
    Instant newest = Instant.MIN;
    List<HotspotSignal> signals = new ArrayList<>();
    for (CellCoverage c : children) {
      samples += c.sampleCount();
      newest = c.lastObservedAt().isAfter(newest) ? c.lastObservedAt() : newest;
      signals.addAll(c.bestHotspots());
    }
    return new CellCoverage(
        parent,
        best.level(),
        best.source(),
        best.rssiDbm(),
        samples,
        newest,
        topSignals(signals, maxHotspots));
  }
}
