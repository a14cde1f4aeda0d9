package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;

/**
 * The answer to "is there coverage here?".
 *
 * @param point the point asked about, not null
 * @param cell the map-resolution cell containing it, not null
 * @param status modeled, measured, measured-none or not mapped, not null
 * @param level NONE when not covered or not mapped
 * @param rssiDbm predicted or best measured RSSI in dBm; empty when not mapped or measured-none
 * @param bestHotspots strongest first; empty when nothing covers the cell
 * @param sampleCount evidence behind the answer (see {@link CellCoverage#sampleCount()}); 0 when
 *     not mapped
 * @param lastObservedAt freshness; empty when not mapped
 */
public record PointCoverage(
    LatLng point,
    H3Cell cell,
    CoverageStatus status,
    SignalLevel level,
    OptionalDouble rssiDbm,
    List<HotspotSignal> bestHotspots,
    int sampleCount,
    Optional<Instant> lastObservedAt) {

  /** Validates and copies. */
  public PointCoverage {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(rssiDbm, "rssiDbm");
    Objects.requireNonNull(lastObservedAt, "lastObservedAt");
    bestHotspots = List.copyOf(bestHotspots);
  }

  static PointCoverage of(LatLng point, CellCoverage c) {
    return new PointCoverage(
        point,
        c.cell(),
        c.status(),
        c.level(),
        c.rssiDbm(),
        c.bestHotspots(),
        c.sampleCount(),
        Optional.of(c.lastObservedAt()));
  }

  static PointCoverage notMapped(LatLng point, H3Cell cell) {
    return new PointCoverage(
        point,
        cell,
        CoverageStatus.NOT_MAPPED,
        SignalLevel.NONE,
        OptionalDouble.empty(),
        List.of(),
        0,
        Optional.empty());
  }

  /** Whether the point is covered: modeled or measured with a level above NONE. */
  public boolean covered() {
    return level.covered();
  }

  /** Where the answer comes from; empty when not mapped. */
  public Optional<CoverageSource> source() {
    switch (status) {
      case MODELED:
        return Optional.of(CoverageSource.MODELED);
      case MEASURED:
      case MEASURED_NONE:
        return Optional.of(CoverageSource.MEASURED);
      default:
        return Optional.empty();
    }
  }
}
