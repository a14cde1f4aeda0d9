package org.hexproof.coverage.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the coverage model. Every threshold is here rather than a constant because
 * Helium changed its equivalents about every quarter (coverage-rewards.md §0).
 *
 * @param levels RSSI thresholds per technology, not null
 * @param pathLoss exponent clamp and default, not null
 * @param freshnessWindow a hotspot counts only if its last valid PoC is at most this old; default
 *     24 h, as the Helium Mobile map shows radios that passed PoC in the last 24-hour period;
 *     positive
 * @param evidenceFactor coverage is claimed no further than this × the furthest verified witness;
 *     default 1.2: a little beyond the evidence, since a witness at d implies the beacon carries at
 *     least to d, but not the model's extrapolation to the sensitivity limit; in [1, 10]
 * @param maxBestHotspots how many hotspots a cell lists, best first; default 3, after the top-3
 *     radios per hex of HIP 85/105; ≥ 1
 * @param measurementMaxAge measurements older than this are ignored; default 90 days, long enough
 *     for a mapping campaign to stay visible, short enough that removed hotspots stop showing as
 *     measured coverage; positive
 */
public record CoverageSettings(
    SignalLevels levels,
    PathLossSettings pathLoss,
    Duration freshnessWindow,
    double evidenceFactor,
    int maxBestHotspots,
    Duration measurementMaxAge) {

  /** The documented defaults. */
  public static final CoverageSettings DEFAULT =
      new CoverageSettings(
          SignalLevels.DEFAULT,
          PathLossSettings.DEFAULT,
          Duration.ofHours(24),
          1.2,
          3,
          Duration.ofDays(90));

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public CoverageSettings {
    Objects.requireNonNull(levels, "levels");
    Objects.requireNonNull(pathLoss, "pathLoss");
    positive("freshnessWindow", freshnessWindow);
    positive("measurementMaxAge", measurementMaxAge);
    Checks.inRange("evidenceFactor", evidenceFactor, 1.0, 10.0);
    if (maxBestHotspots < 1) {
      throw new IllegalArgumentException("maxBestHotspots: expected ≥ 1, got " + maxBestHotspots);
    }
  }

  /**
   * A copy with another freshness window.
   *
   * @param window positive
   * @return the new settings
   */
  public CoverageSettings withFreshnessWindow(Duration window) {
    return new CoverageSettings(
        levels, pathLoss, window, evidenceFactor, maxBestHotspots, measurementMaxAge);
  }

  private static void positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + ": expected a positive duration, got " + value);
    }
  }
}
