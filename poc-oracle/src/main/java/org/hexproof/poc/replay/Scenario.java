package org.hexproof.poc.replay;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.hexproof.poc.verify.PocInput;
import org.hexproof.poc.verify.RegionPlans;

/**
 * A parsed scenario: one PoC and the oracle state around it.
 *
 * @param now when the scenario says the verifier runs; informational, the rules use receive times
 * @param input the PoC and the registry
 * @param regionPlans the scenario's {@code regions}, or the built-in plans when it has none
 * @param maxWitnesses the scenario's selection cap, if it sets one
 */
public record Scenario(
    Optional<Instant> now, PocInput input, RegionPlans regionPlans, OptionalInt maxWitnesses) {
  /** Validates non-null parts. */
  public Scenario {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(regionPlans, "regionPlans");
    Objects.requireNonNull(maxWitnesses, "maxWitnesses");
  }
}
