package org.hexproof.poc.verify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * HIP 15 reward units of one PoC (poc-rules.md §6), rounded to the profile's decimals half-even
 * (rust_decimal's {@code round_dp}, which the oracle used).
 *
 * @param beaconer units the beaconer earns
 * @param perWitness units each valid, selected witness earns
 */
public record RewardUnits(BigDecimal beaconer, BigDecimal perWitness) {
  /** No units: an invalid PoC. */
  public static final RewardUnits NONE = new RewardUnits(BigDecimal.ZERO, BigDecimal.ZERO);

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  /** Validates non-null parts. */
  public RewardUnits {
    Objects.requireNonNull(beaconer, "beaconer");
    Objects.requireNonNull(perWitness, "perWitness");
  }

  /**
   * Units for a PoC with {@code w} valid, selected witnesses: beaconer 0 at w=0, w/N up to N, else
   * min(cap, 2 − r^(w−N)); each witness 1 up to N, else min(cap, (N − (1 − r^(w−N))) / w).
   *
   * @param validSelectedWitnesses w ≥ 0
   * @param profile supplies N, r, the cap and the decimals
   */
  public static RewardUnits forValidWitnesses(int validSelectedWitnesses, RuleProfile profile) {
    int w = validSelectedWitnesses;
    if (w < 0) {
      throw new IllegalArgumentException("witness count: expected >= 0, got " + w);
    }
    if (w == 0) {
      return new RewardUnits(round(BigDecimal.ZERO, profile), round(BigDecimal.ZERO, profile));
    }
    BigDecimal n = BigDecimal.valueOf(profile.witnessRedundancy());
    BigDecimal count = BigDecimal.valueOf(w);
    if (w <= profile.witnessRedundancy()) {
      return new RewardUnits(
          round(count.divide(n, MathContext.DECIMAL128), profile), round(BigDecimal.ONE, profile));
    }
    BigDecimal decayed = profile.rewardDecayRate().pow(w - profile.witnessRedundancy());
    BigDecimal beaconer = TWO.subtract(decayed).min(profile.rewardUnitCap());
    BigDecimal witness =
        n.subtract(BigDecimal.ONE.subtract(decayed))
            .divide(count, MathContext.DECIMAL128)
            .min(profile.rewardUnitCap());
    return new RewardUnits(round(beaconer, profile), round(witness, profile));
  }

  private static BigDecimal round(BigDecimal value, RuleProfile profile) {
    return value.setScale(profile.rewardUnitDecimals(), RoundingMode.HALF_EVEN);
  }
}
