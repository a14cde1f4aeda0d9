package org.hexproof.coverage.model;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link ModelAccuracy#evaluate}.
 *
 * @param overall the whole map against every measurement, not null
 * @param hotspots per hotspot, in base58 order; unmodifiable
 */
public record AccuracyReport(Accuracy overall, List<Accuracy> hotspots) {
  /** Validates and copies. */
  public AccuracyReport {
    Objects.requireNonNull(overall, "overall");
    hotspots = List.copyOf(hotspots);
  }
}
