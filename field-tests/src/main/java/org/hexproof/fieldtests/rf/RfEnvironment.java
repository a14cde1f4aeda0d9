package org.hexproof.fieldtests.rf;

import java.util.Objects;

/**
 * The propagation environment of a simulated fleet: a log-distance path-loss model with log-normal
 * shadowing, and the receivers' noise figure. See the package documentation for the equations.
 *
 * @param name for logs and test names, e.g. "urban"; not blank
 * @param pathLossExponent n of the log-distance model, 2..6 (2 is free space; n &lt; 2 would be
 *     stronger than free space, which the model forbids)
 * @param referenceDistanceMeters d0, where the loss equals free-space loss at the carrier, &gt; 0
 *     (1 m throughout this package)
 * @param shadowingSigmaDb σ of the zero-mean Gaussian shadowing term, dB, 0..20
 * @param noiseFigureDb receiver noise figure, dB, 0..20 (6 dB for SX127x/SX130x, radio.md §3.2)
 * @param seed seeds every random draw of the simulation (shadowing per link)
 */
public record RfEnvironment(
    String name,
    double pathLossExponent,
    double referenceDistanceMeters,
    double shadowingSigmaDb,
    double noiseFigureDb,
    long seed) {

  /** Noise figure of a Semtech LoRa receiver, dB (radio.md §3.2: "NF ≈ 6 dB at BW125"). */
  public static final double SEMTECH_NOISE_FIGURE_DB = 6.0;

  /** Validates the ranges. */
  public RfEnvironment {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: expected a label, got blank");
    }
    check(pathLossExponent, 2.0, 6.0, "path-loss exponent");
    if (!(referenceDistanceMeters > 0) || !Double.isFinite(referenceDistanceMeters)) {
      throw new IllegalArgumentException(
          "reference distance: expected > 0 m, got " + referenceDistanceMeters);
    }
    check(shadowingSigmaDb, 0.0, 20.0, "shadowing sigma (dB)");
    check(noiseFigureDb, 0.0, 20.0, "noise figure (dB)");
  }

  private static void check(double value, double min, double max, String what) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          what + ": expected " + min + ".." + max + ", got " + value);
    }
  }

  /**
   * Dense city centre: n = 3.5, σ = 8 dB. Rappaport (Wireless Communications, 2nd ed., Table 4.2)
   * gives n = 2.7–3.5 for urban cellular radio and 3–5 for shadowed urban; σ of 4–12 dB is typical
   * (§4.9.2); Petäjäjärvi et al. 2015 measured σ ≈ 7.8 dB for 868 MHz LoRa links around Oulu.
   */
  public static RfEnvironment urban(long seed) {
    return new RfEnvironment("urban", 3.5, 1.0, 8.0, SEMTECH_NOISE_FIGURE_DB, seed);
  }

  /** Suburbs and low-rise towns: n = 3.0, σ = 6 dB (same sources as {@link #urban}). */
  public static RfEnvironment suburban(long seed) {
    return new RfEnvironment("suburban", 3.0, 1.0, 6.0, SEMTECH_NOISE_FIGURE_DB, seed);
  }

  /** Open country: n = 2.6, σ = 4 dB (same sources as {@link #urban}). */
  public static RfEnvironment rural(long seed) {
    return new RfEnvironment("rural", 2.6, 1.0, 4.0, SEMTECH_NOISE_FIGURE_DB, seed);
  }

  /** This environment with another seed. */
  public RfEnvironment withSeed(long newSeed) {
    return new RfEnvironment(
        name, pathLossExponent, referenceDistanceMeters, shadowingSigmaDb, noiseFigureDb, newSeed);
  }

  /** This environment with another shadowing σ, dB (0 turns shadowing off). */
  public RfEnvironment withShadowingSigmaDb(double sigmaDb) {
    return new RfEnvironment(
        name, pathLossExponent, referenceDistanceMeters, sigmaDb, noiseFigureDb, seed);
  }
}
