package org.hexproof.coverage.model;

import java.util.Objects;
import org.hexproof.core.geo.H3Cell;

/**
 * One hotspot's predicted signal at one cell's centre.
 *
 * @param cell the cell, not null
 * @param distanceMeters hotspot to cell centre in metres, ≥ 0
 * @param predictedRssiDbm the model's RSSI at that distance in dBm, finite
 * @param level the level of that RSSI; never {@link SignalLevel#NONE} (such cells are left out)
 */
public record CellPrediction(
    H3Cell cell, double distanceMeters, double predictedRssiDbm, SignalLevel level) {
  /** Validates. */
  public CellPrediction {
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(level, "level");
    Checks.finite("distanceMeters", distanceMeters);
    Checks.finite("predictedRssiDbm", predictedRssiDbm);
    if (level == SignalLevel.NONE) {
      throw new IllegalArgumentException("level: expected LOW, MEDIUM or HIGH, got NONE");
    }
  }
}
