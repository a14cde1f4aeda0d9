package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.hexproof.core.geo.H3Cell;

/**
 * The map's answer for one cell.
 *
 * @param cell the cell, not null
 * @param level the best level over fresh hotspots (modeled) or from the measurements (measured);
 *     NONE only for a measured cell nobody heard
 * @param source measured or modeled, not null
 * @param rssiDbm best predicted RSSI (modeled) or best heard RSSI (measured) in dBm; empty for a
 *     measured cell nobody heard
 * @param sampleCount measurements in the cell (measured) or valid witnesses behind the models of
 *     the hotspots covering it (modeled), ≥ 1
 * @param lastObservedAt newest measurement (measured) or newest valid PoC of a covering hotspot
 *     (modeled), not null
 * @param bestHotspots strongest first, at most {@link CoverageSettings#maxBestHotspots()};
 *     unmodifiable
 */
public record CellCoverage(
    H3Cell cell,
    SignalLevel level,
    CoverageSource source,
    OptionalDouble rssiDbm,
    int sampleCount,
    Instant lastObservedAt,
    List<HotspotSignal> bestHotspots) {

  /** Validates and copies. */
  public CellCoverage {
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(rssiDbm, "rssiDbm");
    Objects.requireNonNull(lastObservedAt, "lastObservedAt");
    bestHotspots = List.copyOf(bestHotspots);
    if (sampleCount < 1) {
      throw new IllegalArgumentException("sampleCount: expected ≥ 1, got " + sampleCount);
    }
    if (source == CoverageSource.MODELED && !level.covered()) {
      throw new IllegalArgumentException("level: a modeled cell is never NONE");
    }
  }

  /** The map status of this cell: MODELED, MEASURED or MEASURED_NONE. */
  public CoverageStatus status() {
    if (source == CoverageSource.MODELED) {
      return CoverageStatus.MODELED;
    }
    return level.covered() ? CoverageStatus.MEASURED : CoverageStatus.MEASURED_NONE;
  }
}
