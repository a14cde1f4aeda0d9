package org.hexproof.coverage.model;

/**
 * Bounds and defaults for fitting a {@link PathLossModel}.
 *
 * <p>Defaults and why: the exponent is clamped to [2.0, 5.0] because 2.0 is free space (nothing in
 * the field propagates better for long) and about 5 is dense urban clutter; a least-squares fit on
 * a few noisy witnesses easily lands outside that range. With fewer than 3 samples the slope is not
 * determined (2 points fit any line exactly), so the exponent is the default 3.0, between suburban
 * (2.7–3.5) and open rural (about 2–2.5) values quoted for sub-GHz links, and only the intercept is
 * taken from the samples.
 *
 * @param minExponent lower clamp for the exponent, in [1, maxExponent]
 * @param maxExponent upper clamp for the exponent, at most 10
 * @param defaultExponent exponent used when the slope cannot be fitted, in [minExponent,
 *     maxExponent]
 * @param minSamplesToFit samples needed to fit the slope, ≥ 3
 */
public record PathLossSettings(
    double minExponent, double maxExponent, double defaultExponent, int minSamplesToFit) {

  /** Exponent clamp [2.0, 5.0], default exponent 3.0, slope fitted from 3 samples up. */
  public static final PathLossSettings DEFAULT = new PathLossSettings(2.0, 5.0, 3.0, 3);

  /**
   * Validates the bounds.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public PathLossSettings {
    Checks.inRange("minExponent", minExponent, 1.0, 10.0);
    Checks.inRange("maxExponent", maxExponent, minExponent, 10.0);
    Checks.inRange("defaultExponent", defaultExponent, minExponent, maxExponent);
    if (minSamplesToFit < 3) {
      throw new IllegalArgumentException("minSamplesToFit: expected ≥ 3, got " + minSamplesToFit);
    }
  }
}
