package org.hexproof.poc.verify;

import java.util.Objects;

/**
 * The verdict on one witness report.
 *
 * @param report the report as received
 * @param verdict valid, or why not
 * @param selected whether it is one of the valid witnesses chosen for rewards; never true for an
 *     invalid verdict
 */
public record WitnessResult(WitnessReport report, Verdict verdict, boolean selected) {
  /** Validates. */
  public WitnessResult {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(verdict, "verdict");
    if (selected && !verdict.isValid()) {
      throw new IllegalArgumentException("an invalid witness cannot be selected");
    }
  }
}
