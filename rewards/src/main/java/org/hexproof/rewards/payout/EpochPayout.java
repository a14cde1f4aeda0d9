package org.hexproof.rewards.payout;

import java.util.List;
import java.util.Objects;
import org.hexproof.core.token.TokenAmount;

/**
 * The result of {@link PayoutCalculator#calculate}: every base unit of the epoch's emission,
 * accounted for. {@code Σ hotspots totals + unallocated = pools.gatewayTotal()} and {@code
 * pools.gatewayTotal() + operations + oracles + pools.notHandled() = emission}.
 *
 * @param pools the split of the emission, not null
 * @param hotspots the hotspots that earn something, ordered by id ({@link String#compareTo});
 *     copied
 * @param unallocated what the beacon, witness and data-transfer pools did not pay out after
 *     flooring: {@code pools.gatewayTotal() − Σ payouts}
 */
public record EpochPayout(EpochPools pools, List<HotspotPayout> hotspots, TokenAmount unallocated) {
  /**
   * Validates the accounting.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if payouts and unallocated do not add up to the gateway total
   */
  public EpochPayout {
    Objects.requireNonNull(pools, "pools");
    Objects.requireNonNull(unallocated, "unallocated");
    hotspots = List.copyOf(hotspots);
    TokenAmount paid = TokenAmount.ZERO;
    for (HotspotPayout payout : hotspots) {
      paid = paid.plus(payout.total());
    }
    if (!paid.plus(unallocated).equals(pools.gatewayTotal())) {
      throw new IllegalArgumentException(
          "paid " + paid + " + unallocated " + unallocated + " ≠ " + pools.gatewayTotal());
    }
  }

  /**
   * The operations fund's amount.
   *
   * @return floor(E × 7/100)
   */
  public TokenAmount operations() {
    return pools.operations();
  }

  /**
   * The oracles' amount.
   *
   * @return floor(E × 7/100)
   */
  public TokenAmount oracles() {
    return pools.oracles();
  }
}
