package org.hexproof.rewards.payout;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.token.TokenAmount;

/**
 * How much each epoch mints: a fixed amount per epoch that halves every {@code halvingPeriod} after
 * {@code genesis} (HIP-20 style, coverage-rewards.md §2.3). An epoch's emission is decided by its
 * start: {@code floor(initial / 2^h)} with h = the number of whole halving periods from genesis to
 * the epoch's start (0 for epochs that start before genesis). Integer halving, so no base unit is
 * ever fractional; after 63 halvings the emission is 0.
 *
 * <p>The amount is per epoch whatever the epoch's length: a devnet running one-minute epochs mints
 * {@code initialPerEpoch} every minute unless it configures a smaller amount.
 *
 * @param initialPerEpoch the emission of every epoch before the first halving; not null
 * @param tokenDecimals the token's decimals, in [0, {@value TokenAmount#MAX_DECIMALS}]
 * @param halvingPeriod time between halvings, &gt; 0
 * @param genesis the instant the schedule starts; not null
 */
public record EmissionSchedule(
    TokenAmount initialPerEpoch, int tokenDecimals, Duration halvingPeriod, Instant genesis) {

  /**
   * The default: 15 M tokens a year in daily epochs (HIP-20's rate for years 5–6), i.e.
   * floor(15,000,000 × 10⁸ / 365) = 4,109,589,041,095 base units of an 8-decimal token per epoch.
   */
  public static final TokenAmount DEFAULT_INITIAL_PER_EPOCH = TokenAmount.of(4_109_589_041_095L);

  /** Default token decimals: 8, as HNT. */
  public static final int DEFAULT_TOKEN_DECIMALS = 8;

  /** Default halving period: two 365-day years (HIP-20). */
  public static final Duration DEFAULT_HALVING_PERIOD = Duration.ofDays(730);

  /** Default genesis: 2026-01-01T00:00:00Z. */
  public static final Instant DEFAULT_GENESIS = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the decimals are out of range or the period is not positive
   */
  public EmissionSchedule {
    Objects.requireNonNull(initialPerEpoch, "initialPerEpoch");
    Objects.requireNonNull(halvingPeriod, "halvingPeriod");
    Objects.requireNonNull(genesis, "genesis");
    if (tokenDecimals < 0 || tokenDecimals > TokenAmount.MAX_DECIMALS) {
      throw new IllegalArgumentException(
          "tokenDecimals: expected 0.." + TokenAmount.MAX_DECIMALS + ", got " + tokenDecimals);
    }
    if (halvingPeriod.isNegative() || halvingPeriod.isZero()) {
      throw new IllegalArgumentException("halvingPeriod: expected > 0, got " + halvingPeriod);
    }
  }

  /**
   * The documented default schedule.
   *
   * @return {@link #DEFAULT_INITIAL_PER_EPOCH}, 8 decimals, halving every 730 days from 2026-01-01
   */
  public static EmissionSchedule defaults() {
    return new EmissionSchedule(
        DEFAULT_INITIAL_PER_EPOCH, DEFAULT_TOKEN_DECIMALS, DEFAULT_HALVING_PERIOD, DEFAULT_GENESIS);
  }

  /**
   * The number of halvings that apply to an epoch.
   *
   * @param epoch the epoch; not null
   * @return whole halving periods from genesis to the epoch's start, ≥ 0
   */
  public long halvings(Epoch epoch) {
    Instant start = Objects.requireNonNull(epoch, "epoch").start();
    if (start.isBefore(genesis)) {
      return 0;
    }
    return Duration.between(genesis, start).dividedBy(halvingPeriod);
  }

  /**
   * The emission of an epoch.
   *
   * @param epoch the epoch; not null
   * @return floor(initial / 2^halvings), 0 after 63 halvings
   */
  public TokenAmount emissionFor(Epoch epoch) {
    long halvings = halvings(epoch);
    return halvings >= Long.SIZE - 1
        ? TokenAmount.ZERO
        : TokenAmount.of(initialPerEpoch.baseUnits() >>> halvings);
  }
}
