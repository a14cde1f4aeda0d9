package org.hexproof.core.radio;

/**
 * A regulatory sub-band with a transmit duty-cycle limit, {@code [lowHz, highHz)}.
 *
 * @param lowHz lower edge, inclusive
 * @param highHz upper edge, exclusive
 * @param basisPoints allowed fraction of time on air in 1/10000 (1 % = 100, 0.1 % = 10)
 */
public record DutyCycleBand(long lowHz, long highHz, int basisPoints) {
  /** Validates the edges and the limit. */
  public DutyCycleBand {
    if (lowHz <= 0 || highHz <= lowHz) {
      throw new IllegalArgumentException(
          "duty-cycle band: expected 0 < low < high, got " + lowHz + ".." + highHz + " Hz");
    }
    if (basisPoints < 1 || basisPoints > 10_000) {
      throw new IllegalArgumentException(
          "duty cycle: expected 1..10000 basis points, got " + basisPoints);
    }
  }

  /** Whether a carrier frequency lies in this band. */
  public boolean contains(long frequencyHz) {
    return frequencyHz >= lowHz && frequencyHz < highHz;
  }
}
