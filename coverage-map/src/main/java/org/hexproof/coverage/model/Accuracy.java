package org.hexproof.coverage.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hexproof.core.keys.PublicKey;

/**
 * How well the model agrees with field measurements, overall or for one hotspot (definitions in
 * {@link ModelAccuracy}).
 *
 * @param hotspot the hotspot, or empty for the whole map
 * @param points drive-test points judged, ≥ 0
 * @param heard points that were heard (by the hotspot, or by anyone overall)
 * @param predictedCovered points whose cell the model claims (for the hotspot, or for any hotspot)
 * @param truePositives predicted covered and heard
 * @param falsePositives predicted covered, not heard
 * @param falseNegatives heard, not predicted covered
 * @param trueNegatives neither
 * @param rssiPairs hearings with both a measured and a predicted RSSI
 * @param rmseDb root-mean-square of predicted − measured RSSI over those pairs, dB; empty without
 *     pairs
 * @param meanErrorDb mean of predicted − measured RSSI, dB (positive: the model is optimistic);
 *     empty without pairs
 */
public record Accuracy(
    Optional<PublicKey> hotspot,
    int points,
    int heard,
    int predictedCovered,
    int truePositives,
    int falsePositives,
    int falseNegatives,
    int trueNegatives,
    int rssiPairs,
    OptionalDouble rmseDb,
    OptionalDouble meanErrorDb) {

  /** Validates. */
  public Accuracy {
    Objects.requireNonNull(hotspot, "hotspot");
    Objects.requireNonNull(rmseDb, "rmseDb");
    Objects.requireNonNull(meanErrorDb, "meanErrorDb");
    if (truePositives + falsePositives + falseNegatives + trueNegatives != points) {
      throw new IllegalArgumentException(
          "points: expected the four outcomes to add up to " + points);
    }
  }

  /** TP / (TP + FP): of the points the model claims, the share that was heard; empty if none. */
  public OptionalDouble precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** TP / (TP + FN): of the points that were heard, the share the model claims; empty if none. */
  public OptionalDouble recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  private static OptionalDouble ratio(int numerator, int denominator) {
    return denominator == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) numerator / denominator);
  }
}
