package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Running sums for the least-squares fit of one beaconer, so the feed can be consumed one witness
 * at a time in O(1) memory. {@code x = 10·log10(d / 1 km)}, {@code y = RSSI}. Not thread-safe.
 */
final class PathLossStats {
  /** Below this spread of x (dB²·samples) the slope is treated as undetermined. */
  private static final double MIN_SXX = 1e-6;

  private int count;
  private double sumX;
  private double sumY;
  private double sumXx;
  private double sumXy;
  private double furthestMeters;
  private Instant lastObservedAt = Instant.MIN;

  void add(WitnessSample sample) {
    double x = 10 * Math.log10(sample.distanceMeters() / PathLossModel.REFERENCE_DISTANCE_METERS);
    double y = sample.rssiDbm();
    count++;
    sumX += x;
    sumY += y;
    sumXx += x * x;
    sumXy += x * y;
    furthestMeters = Math.max(furthestMeters, sample.distanceMeters());
    if (sample.observedAt().isAfter(lastObservedAt)) {
      lastObservedAt = sample.observedAt();
    }
  }

  int count() {
    return count;
  }

  double furthestMeters() {
    return furthestMeters;
  }

  Optional<Instant> lastObservedAt() {
    return count == 0 ? Optional.empty() : Optional.of(lastObservedAt);
  }

  Optional<PathLossModel> fit(PathLossSettings settings) {
    if (count == 0) {
      return Optional.empty();
    }
    double meanX = sumX / count;
    double meanY = sumY / count;
    double sxx = sumXx - count * meanX * meanX;
    double sxy = sumXy - count * meanX * meanY;
    double exponent;
    PathLossModel.Fit fit;
    if (count < settings.minSamplesToFit() || sxx < MIN_SXX) {
      exponent = settings.defaultExponent();
      fit = PathLossModel.Fit.DEFAULT_EXPONENT;
    } else {
      double fitted = -sxy / sxx;
      exponent = Math.min(settings.maxExponent(), Math.max(settings.minExponent(), fitted));
      fit = exponent == fitted ? PathLossModel.Fit.LEAST_SQUARES : PathLossModel.Fit.CLAMPED;
    }
    // With n fixed, the least-squares intercept is mean(y) + n·mean(x); for an unclamped fit this
    // is
    // the ordinary intercept, so one formula serves all three cases.
    double reference = meanY + exponent * meanX;
    return Optional.of(new PathLossModel(reference, exponent, count, fit));
  }
}
