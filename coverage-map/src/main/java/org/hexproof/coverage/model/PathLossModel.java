package org.hexproof.coverage.model;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * A log-distance path-loss model for one beaconer: {@code RSSI(d) = A − 10·n·log10(d / 1 km)}, with
 * {@code A} the RSSI at the 1 km reference distance and {@code n} the path-loss exponent. Fitted by
 * ordinary least squares of RSSI against {@code 10·log10(d / 1 km)} over the beaconer's valid
 * witnesses (slope {@code −n}), then clamped; see {@link PathLossSettings} for the bounds and the
 * default.
 *
 * @param referenceRssiDbm {@code A}, the predicted RSSI at 1 km in dBm, finite
 * @param exponent {@code n}, finite and &gt; 0
 * @param sampleCount witnesses the model was fitted from, ≥ 1
 * @param fit how the exponent was obtained, not null
 */
public record PathLossModel(
    double referenceRssiDbm, double exponent, int sampleCount, PathLossModel.Fit fit) {

  /** The reference distance of {@link #referenceRssiDbm()}, in metres. */
  public static final double REFERENCE_DISTANCE_METERS = 1_000.0;

  /**
   * Distances below this are evaluated at it, in metres: the far-field log model has no meaning at
   * the antenna and would predict unbounded signal.
   */
  public static final double MIN_DISTANCE_METERS = 1.0;

  /** How the exponent was obtained. */
  public enum Fit {
    /** The least-squares slope, inside the clamp. */
    LEAST_SQUARES,
    /** The least-squares slope fell outside the clamp; the bound is used and A refitted. */
    CLAMPED,
    /** Too few samples (or no spread in distance); the default exponent is used. */
    DEFAULT_EXPONENT
  }

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public PathLossModel {
    Checks.finite("referenceRssiDbm", referenceRssiDbm);
    if (!Double.isFinite(exponent) || exponent <= 0) {
      throw new IllegalArgumentException("exponent: expected a finite value > 0, got " + exponent);
    }
    if (sampleCount < 1) {
      throw new IllegalArgumentException("sampleCount: expected ≥ 1, got " + sampleCount);
    }
    Objects.requireNonNull(fit, "fit");
  }

  /**
   * Fits a model to witness samples.
   *
   * @param samples valid witnesses of one beaconer, not null; may be empty
   * @param settings exponent bounds and default, not null
   * @return the model, or empty when there are no samples (no evidence, no model)
   */
  public static Optional<PathLossModel> fit(
      Collection<WitnessSample> samples, PathLossSettings settings) {
    PathLossStats stats = new PathLossStats();
    samples.forEach(stats::add);
    return stats.fit(settings);
  }

  /**
   * Predicts the received signal strength at a distance.
   *
   * @param distanceMeters distance from the transmitter in metres, finite and ≥ 0; values below
   *     {@link #MIN_DISTANCE_METERS} are evaluated at it
   * @return the predicted RSSI in dBm
   * @throws IllegalArgumentException if the distance is negative or not finite
   */
  public double predictRssiDbm(double distanceMeters) {
    if (!Double.isFinite(distanceMeters) || distanceMeters < 0) {
      throw new IllegalArgumentException(
          "distanceMeters: expected a finite value ≥ 0, got " + distanceMeters);
    }
    double d = Math.max(distanceMeters, MIN_DISTANCE_METERS);
    return referenceRssiDbm - 10 * exponent * Math.log10(d / REFERENCE_DISTANCE_METERS);
  }

  /**
   * The distance at which the prediction falls to {@code floorDbm}.
   *
   * @param floorDbm the weakest usable RSSI in dBm, finite
   * @return the range in metres, ≥ {@link #MIN_DISTANCE_METERS}
   */
  public double rangeMeters(double floorDbm) {
    Checks.finite("floorDbm", floorDbm);
    double range =
        REFERENCE_DISTANCE_METERS * Math.pow(10, (referenceRssiDbm - floorDbm) / (10 * exponent));
    return Math.max(range, MIN_DISTANCE_METERS);
  }
}
