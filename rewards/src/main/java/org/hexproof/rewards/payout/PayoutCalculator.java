package org.hexproof.rewards.payout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.hexproof.core.token.TokenAmount;

/**
 * Pays one epoch's gateway pools to hotspots by their shares (poc-rules.md §6; helium/oracles
 * {@code reward_share.rs}, {@code rewarder.rs}).
 *
 * <p>For each pool (beacon, witness, data transfer): rate = pool ÷ Σ shares rounded to 15 decimals
 * {@link RoundingMode#HALF_EVEN} (0 when Σ shares is 0); each hotspot gets floor(rate × its shares)
 * whole base units. Hotspots whose three amounts are all 0 are left out. {@code unallocated} =
 * floor(E × 80/100) − Σ payouts, which is the oracle's {@code floor(pools − paid)}.
 *
 * <p>One guard the oracle lacked: a half-even rate can be up to 5·10⁻¹⁶ above pool ÷ Σ shares, and
 * in rare cases (a pool a hair below a whole unit) the floored payouts would then exceed the pool.
 * Only then the pool's rate is instead rounded down at 15 decimals, so no pool ever pays more than
 * it holds and {@code unallocated} is never negative. Everywhere else the payouts are the oracle's.
 */
public final class PayoutCalculator {
  /** From this many hotspots on, payouts are computed on every core (a million takes seconds). */
  private static final int PARALLEL_THRESHOLD = 1 << 14;

  private PayoutCalculator() {}

  /**
   * Computes the epoch's payouts.
   *
   * @param emission E, the epoch's whole emission in base units, not null
   * @param tokenDecimals the token's decimals, in [0, {@value TokenAmount#MAX_DECIMALS}]
   * @param priceUsd price of one whole token in USD, &gt; 0, not null
   * @param hotspots each hotspot's shares, ids unique, any order; not null
   * @return payouts ordered by id, unallocated, and the pools; independent of input order
   * @throws IllegalArgumentException if an argument is out of range or an id repeats
   * @throws ArithmeticException if the total DC exceeds {@link Long#MAX_VALUE}
   */
  public static EpochPayout calculate(
      TokenAmount emission,
      int tokenDecimals,
      BigDecimal priceUsd,
      Collection<HotspotShares> hotspots) {
    List<HotspotShares> sorted = new ArrayList<>(Objects.requireNonNull(hotspots, "hotspots"));
    sorted.sort(Comparator.comparing(HotspotShares::id));
    Set<String> seen = new HashSet<>();
    long totalDc = 0;
    for (HotspotShares h : sorted) {
      if (!seen.add(h.id())) {
        throw new IllegalArgumentException("hotspots: id \"" + h.id() + "\" appears twice");
      }
      totalDc = Math.addExact(totalDc, h.dcTransferred());
    }
    EpochPools pools = EpochPools.compute(emission, tokenDecimals, priceUsd, totalDc);

    long[] beacon = pay(pools.beaconPool(), shares(sorted, HotspotShares::beaconShares));
    long[] witness = pay(pools.witnessPool(), shares(sorted, HotspotShares::witnessShares));
    long[] dataTransfer =
        pay(pools.dataTransferPool(), shares(sorted, h -> BigDecimal.valueOf(h.dcTransferred())));

    List<HotspotPayout> payouts = new ArrayList<>();
    TokenAmount paid = TokenAmount.ZERO;
    for (int i = 0; i < sorted.size(); i++) {
      if (beacon[i] > 0 || witness[i] > 0 || dataTransfer[i] > 0) {
        HotspotPayout payout =
            new HotspotPayout(
                sorted.get(i).id(),
                TokenAmount.of(beacon[i]),
                TokenAmount.of(witness[i]),
                TokenAmount.of(dataTransfer[i]));
        payouts.add(payout);
        paid = paid.plus(payout.total());
      }
    }
    return new EpochPayout(pools, payouts, pools.gatewayTotal().minus(paid));
  }

  private static List<BigDecimal> shares(
      List<HotspotShares> hotspots, Function<HotspotShares, BigDecimal> field) {
    return hotspots.stream().map(field).toList();
  }

  /**
   * Floor payouts of one pool by shares, never more than the pool in total.
   *
   * @param pool exact base units, ≥ 0
   * @param shares one entry per hotspot, each ≥ 0
   * @return whole base units, one per entry
   */
  static long[] pay(BigDecimal pool, List<BigDecimal> shares) {
    BigDecimal total = shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.signum() == 0) {
      return new long[shares.size()];
    }
    long[] payouts =
        payAtRate(pool.divide(total, EpochPools.PRECISION, RoundingMode.HALF_EVEN), shares);
    if (sum(payouts).compareTo(pool) > 0) {
      payouts = payAtRate(pool.divide(total, EpochPools.PRECISION, RoundingMode.FLOOR), shares);
    }
    return payouts;
  }

  private static long[] payAtRate(BigDecimal rate, List<BigDecimal> shares) {
    long[] payouts = new long[shares.size()];
    IntStream range = IntStream.range(0, payouts.length);
    // each payout depends on its own share only: the same result on any number of threads
    (payouts.length >= PARALLEL_THRESHOLD ? range.parallel() : range)
        .forEach(
            i ->
                payouts[i] =
                    rate.multiply(shares.get(i)).setScale(0, RoundingMode.FLOOR).longValueExact());
    return payouts;
  }

  private static BigDecimal sum(long[] values) {
    BigDecimal sum = BigDecimal.ZERO;
    for (long v : values) {
      sum = sum.add(BigDecimal.valueOf(v));
    }
    return sum;
  }
}
