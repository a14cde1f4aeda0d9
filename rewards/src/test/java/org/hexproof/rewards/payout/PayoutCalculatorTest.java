package org.hexproof.rewards.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.hexproof.core.token.TokenAmount;
import org.junit.jupiter.api.Test;

class PayoutCalculatorTest {

  private static HotspotShares shares(String id, String beacon, String witness, long dc) {
    return new HotspotShares(id, new BigDecimal(beacon), new BigDecimal(witness), dc);
  }

  private static HotspotPayout payout(String id, long beacon, long witness, long dc) {
    return new HotspotPayout(
        id, TokenAmount.of(beacon), TokenAmount.of(witness), TokenAmount.of(dc));
  }

  @Test
  void pays_a_hand_computed_epoch() {
    // E = 1e9, 8 decimals, $1: one base unit is $1e-8, so 1 DC ($1e-5) is worth 1000 units.
    // DC value = 100 × 1000 = 100,000 < budget 500,000,000 → data transfer pool 100,000;
    // unused 499,900,000 → beacon 60,000,000 + 99,980,000 = 159,980,000,
    // witness 240,000,000 + 399,920,000 = 639,920,000.
    // beacon rate 159,980,000 / 3 = 53,326,666.666666666666667 (15 dp, half-even):
    //   a floor(×1) = 53,326,666; b floor(×2 = 106,653,333.333…334) = 106,653,333 → 1 left.
    // witness rate 639,920,000 / 4 = 159,980,000: a 479,940,000, b 159,980,000.
    // data transfer rate 100,000 / 100 = 1000: a 100,000. c earns nothing and is left out.
    // unallocated = floor(0.8 E) 800,000,000 − 799,999,999 = 1; ops = oracles = 70,000,000;
    // not handled = 1e9 − 800,000,000 − 140,000,000 = 60,000,000.
    EpochPayout result =
        PayoutCalculator.calculate(
            TokenAmount.of(1_000_000_000L),
            8,
            new BigDecimal("1"),
            List.of(
                shares("b", "2", "1", 0), shares("c", "0", "0", 0), shares("a", "1", "3", 100)));

    assertThat(result.hotspots())
        .containsExactly(
            payout("a", 53_326_666, 479_940_000, 100_000),
            payout("b", 106_653_333, 159_980_000, 0));
    assertThat(result.unallocated()).isEqualTo(TokenAmount.of(1));
    assertThat(result.operations()).isEqualTo(TokenAmount.of(70_000_000));
    assertThat(result.oracles()).isEqualTo(TokenAmount.of(70_000_000));
    assertThat(result.pools().notHandled()).isEqualTo(TokenAmount.of(60_000_000));
  }

  @Test
  void caps_data_transfer_and_sends_an_empty_beacon_pool_to_unallocated() {
    // E = 1003, 0 decimals, price $0.00001: 1 DC is worth 1 unit. DC value 1000 > budget 501.5,
    // so the data-transfer pool is 501.5 and nothing is unused; beacon 60.18, witness 240.72.
    // x: dc rate 501.5 / 1000 = 0.5015 → floor(501.5) = 501. y: witness 240.72 × 1 → 240.
    // No beacon shares: rate 0, the 60.18 stays unpaid.
    // gateway total floor(802.4) = 802; unallocated = 802 − 741 = 61.
    // ops = oracles = floor(70.21) = 70; not handled = 1003 − 802 − 140 = 61.
    EpochPayout result =
        PayoutCalculator.calculate(
            TokenAmount.of(1003),
            0,
            new BigDecimal("0.00001"),
            List.of(shares("x", "0", "0", 1000), shares("y", "0", "1", 0)));

    assertThat(result.pools().dataTransferPool()).isEqualByComparingTo("501.5");
    assertThat(result.hotspots()).containsExactly(payout("x", 0, 0, 501), payout("y", 0, 240, 0));
    assertThat(result.unallocated()).isEqualTo(TokenAmount.of(61));
    assertThat(result.operations()).isEqualTo(TokenAmount.of(70));
    assertThat(result.pools().notHandled()).isEqualTo(TokenAmount.of(61));
  }

  @Test
  void an_epoch_without_hotspots_leaves_the_gateway_pools_unallocated() {
    EpochPayout result =
        PayoutCalculator.calculate(TokenAmount.of(100), 8, new BigDecimal("3.59"), List.of());

    assertThat(result.hotspots()).isEmpty();
    assertThat(result.unallocated()).isEqualTo(TokenAmount.of(80));
  }

  @Test
  void a_rate_rounded_up_past_the_pool_is_rounded_down_instead() {
    // pool 2.9999999999999999, one share: half-even at 15 dp gives rate 3.000000000000000 and a
    // payout of 3 > pool; the guard rounds the rate down to 2.999999999999999 → payout 2.
    long[] paid =
        PayoutCalculator.pay(new BigDecimal("2.9999999999999999"), List.of(BigDecimal.ONE));

    assertThat(paid).containsExactly(2);
  }

  @Test
  void the_rate_is_rounded_half_even_at_15_decimals() {
    // pool 1, shares 3 and 0 → rate 0.333333333333333; 3 × rate = 0.999… → 0.
    // pool 2, shares 3 → rate 0.666666666666667 (rounded up); 3 × rate = 2.000000000000001 → 2.
    assertThat(PayoutCalculator.pay(BigDecimal.valueOf(2), List.of(BigDecimal.valueOf(3))))
        .containsExactly(2);
    assertThat(PayoutCalculator.pay(BigDecimal.ONE, List.of(BigDecimal.valueOf(3))))
        .containsExactly(0);
  }

  @Test
  void rejects_a_repeated_hotspot_id() {
    assertThatThrownBy(
            () ->
                PayoutCalculator.calculate(
                    TokenAmount.of(100),
                    8,
                    BigDecimal.ONE,
                    List.of(shares("a", "1", "0", 0), shares("a", "2", "0", 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a\" appears twice");
  }
}
