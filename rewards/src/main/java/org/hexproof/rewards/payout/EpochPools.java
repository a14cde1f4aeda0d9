package org.hexproof.rewards.payout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.hexproof.core.token.TokenAmount;

/**
 * How one epoch's emission E is split (poc-rules.md §6, HIP 52 as the oracle ran it).
 *
 * <p>The three gateway pools are exact decimals of base units, as in the oracle (which kept them as
 * {@code rust_decimal}s); they are never paid as such, only through floored payouts:
 *
 * <ul>
 *   <li>data transfer = min(DC value, E × 50/100), where DC value = total DC × $0.00001 ÷ (price of
 *       one base unit), rounded up (ceiling) at 15 decimals;
 *   <li>unused = E × 50/100 − data transfer;
 *   <li>beacon = E × 6/100 + unused × 20/100; witness = E × 24/100 + unused × 80/100.
 * </ul>
 *
 * <p>So the three pools always add up to exactly E × 80/100. In whole base units, where every unit
 * of E goes:
 *
 * <ul>
 *   <li>{@link #gatewayTotal()} = floor(E × 80/100): the gateway payouts plus {@code unallocated}
 *       (the oracle's {@code unallocated = floor(pools − paid)});
 *   <li>{@link #operations()} = floor(E × 7/100); {@link #oracles()} = floor(E × 7/100);
 *   <li>{@link #notHandled()} = E − the three above: the veHNT stakers' 6 % that the oracle never
 *       handled, plus the fractional base units (fewer than 3) that flooring the other shares left.
 * </ul>
 *
 * @param emission E, the epoch's whole emission, not null
 * @param dataTransferValue the uncapped value of the DC spent, base units, 15 decimals, ≥ 0
 * @param beaconPool exact base units, ≥ 0
 * @param witnessPool exact base units, ≥ 0
 * @param dataTransferPool exact base units, ≥ 0
 * @param gatewayTotal floor(E × 80/100)
 * @param operations floor(E × 7/100)
 * @param oracles floor(E × 7/100)
 * @param notHandled E − gatewayTotal − operations − oracles
 */
public record EpochPools(
    TokenAmount emission,
    BigDecimal dataTransferValue,
    BigDecimal beaconPool,
    BigDecimal witnessPool,
    BigDecimal dataTransferPool,
    TokenAmount gatewayTotal,
    TokenAmount operations,
    TokenAmount oracles,
    TokenAmount notHandled) {

  /** The fixed price of one data credit, USD. */
  public static final BigDecimal DC_PRICE_USD = new BigDecimal("0.00001");

  /** Decimals kept by the DC valuation (ceiling) and by each per-share rate (half-even). */
  public static final int PRECISION = 15;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * Checks that the parts account for the emission exactly.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if the whole-unit parts do not add up to {@code emission}
   */
  public EpochPools {
    Objects.requireNonNull(emission, "emission");
    Objects.requireNonNull(dataTransferValue, "dataTransferValue");
    Objects.requireNonNull(beaconPool, "beaconPool");
    Objects.requireNonNull(witnessPool, "witnessPool");
    Objects.requireNonNull(dataTransferPool, "dataTransferPool");
    Objects.requireNonNull(gatewayTotal, "gatewayTotal");
    Objects.requireNonNull(operations, "operations");
    Objects.requireNonNull(oracles, "oracles");
    Objects.requireNonNull(notHandled, "notHandled");
    if (!gatewayTotal.plus(operations).plus(oracles).plus(notHandled).equals(emission)) {
      throw new IllegalArgumentException("pools do not add up to the emission " + emission);
    }
  }

  /**
   * Splits an epoch's emission.
   *
   * @param emission E in base units, not null
   * @param tokenDecimals the token's decimals, in [0, {@value TokenAmount#MAX_DECIMALS}]
   * @param priceUsd price of one whole token in USD, &gt; 0, not null
   * @param totalDcTransferred the DC spent on data transfer by all hotspots, ≥ 0
   * @return the pools
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static EpochPools compute(
      TokenAmount emission, int tokenDecimals, BigDecimal priceUsd, long totalDcTransferred) {
    Objects.requireNonNull(emission, "emission");
    Objects.requireNonNull(priceUsd, "priceUsd");
    if (tokenDecimals < 0 || tokenDecimals > TokenAmount.MAX_DECIMALS) {
      throw new IllegalArgumentException(
          "tokenDecimals: expected 0.." + TokenAmount.MAX_DECIMALS + ", got " + tokenDecimals);
    }
    if (priceUsd.signum() <= 0) {
      throw new IllegalArgumentException("priceUsd: expected > 0, got " + priceUsd);
    }
    if (totalDcTransferred < 0) {
      throw new IllegalArgumentException(
          "totalDcTransferred: expected ≥ 0, got " + totalDcTransferred);
    }
    BigDecimal e = BigDecimal.valueOf(emission.baseUnits());
    BigDecimal pricePerBaseUnit = priceUsd.movePointLeft(tokenDecimals);
    BigDecimal dcValue =
        BigDecimal.valueOf(totalDcTransferred)
            .multiply(DC_PRICE_USD)
            .divide(pricePerBaseUnit, PRECISION, RoundingMode.CEILING);
    BigDecimal dataTransferBudget = percent(e, 50);
    BigDecimal dataTransfer = dcValue.min(dataTransferBudget);
    BigDecimal unused = dataTransferBudget.subtract(dataTransfer);
    BigDecimal beacon = percent(e, 6).add(percent(unused, 20));
    BigDecimal witness = percent(e, 24).add(percent(unused, 80));

    TokenAmount gatewayTotal = floorPercent(emission, 80);
    TokenAmount operations = floorPercent(emission, 7);
    TokenAmount oracles = floorPercent(emission, 7);
    TokenAmount notHandled = emission.minus(gatewayTotal).minus(operations).minus(oracles);
    return new EpochPools(
        emission,
        dcValue,
        beacon,
        witness,
        dataTransfer,
        gatewayTotal,
        operations,
        oracles,
        notHandled);
  }

  private static BigDecimal percent(BigDecimal amount, int percent) {
    return amount.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED); // exact: /100
  }

  private static TokenAmount floorPercent(TokenAmount amount, int percent) {
    return TokenAmount.of(
        percent(BigDecimal.valueOf(amount.baseUnits()), percent)
            .setScale(0, RoundingMode.FLOOR)
            .longValueExact());
  }
}
