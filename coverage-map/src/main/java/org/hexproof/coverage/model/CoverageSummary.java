package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.radio.RadioTechnology;

/**
 * Counts over one coverage map.
 *
 * @param technology the map's technology, not null
 * @param resolution the map's H3 resolution
 * @param asOf the "now" the map was built for, not null
 * @param cellsByLevel cells per level, every level present (NONE counts measured-none cells)
 * @param cellsBySource cells per source, every source present
 * @param hotspotsCounted hotspots with a fresh valid PoC and a model, ≥ 0
 * @param hotspotsStale hotspots with a model left out because their last valid PoC is too old, ≥ 0
 * @param newestObservation newest freshness over all cells; empty for an empty map
 * @param oldestObservation oldest freshness over all cells; empty for an empty map
 */
public record CoverageSummary(
    RadioTechnology technology,
    int resolution,
    Instant asOf,
    Map<SignalLevel, Integer> cellsByLevel,
    Map<CoverageSource, Integer> cellsBySource,
    int hotspotsCounted,
    int hotspotsStale,
    Optional<Instant> newestObservation,
    Optional<Instant> oldestObservation) {

  /** Validates and copies. */
  public CoverageSummary {
    Objects.requireNonNull(technology, "technology");
    Objects.requireNonNull(asOf, "asOf");
    cellsByLevel = Map.copyOf(cellsByLevel);
    cellsBySource = Map.copyOf(cellsBySource);
    Objects.requireNonNull(newestObservation, "newestObservation");
    Objects.requireNonNull(oldestObservation, "oldestObservation");
  }

  /** Total cells in the map. */
  public int totalCells() {
    return cellsBySource.values().stream().mapToInt(Integer::intValue).sum();
  }
}
