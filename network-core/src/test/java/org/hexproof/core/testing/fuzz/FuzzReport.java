package org.hexproof.core.testing.fuzz;

import java.util.Locale;

/**
 * What one fuzz run did: inputs fed, how many the parser accepted and rejected (with its documented
 * exceptions), the wall time and the slowest single input.
 *
 * @param target the target's name
 * @param seed the random seed that reproduces the run
 * @param inputs inputs fed
 * @param accepted inputs the parser accepted
 * @param rejected inputs refused with a documented exception
 * @param nanos wall time of the whole run
 * @param slowestNanos wall time of the slowest input
 */
public record FuzzReport(
    String target,
    long seed,
    long inputs,
    long accepted,
    long rejected,
    long nanos,
    long slowestNanos) {

  /** Inputs per second over the whole run. */
  public double inputsPerSecond() {
    return inputs / (nanos / 1e9);
  }

  /**
   * Checks that the run exercised both paths of the parser: some inputs accepted, some refused.
   *
   * @return this report
   * @throws AssertionError naming the target and seed when either count is zero
   */
  public FuzzReport requireBothOutcomes() {
    if (accepted == 0 || rejected == 0) {
      throw new AssertionError(
          target
              + ": seed "
              + seed
              + ": expected both accepted and rejected inputs, got "
              + accepted
              + " and "
              + rejected);
    }
    return this;
  }

  /** One line for logs and the results file. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "%-18s %,10d inputs %8.1f s %,10.0f inputs/s  accepted %,9d  rejected %,9d"
            + "  slowest %,8.2f ms  seed %d",
        target,
        inputs,
        nanos / 1e9,
        inputsPerSecond(),
        accepted,
        rejected,
        slowestNanos / 1e6,
        seed);
  }
}
