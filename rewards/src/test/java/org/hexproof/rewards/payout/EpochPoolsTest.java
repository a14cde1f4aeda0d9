package org.hexproof.rewards.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.hexproof.core.token.TokenAmount;
import org.junit.jupiter.api.Test;

class EpochPoolsTest {

  @Test
  void values_dc_at_a_hundred_thousandth_of_a_dollar_rounded_up_at_15_decimals() {
    // $3.59 a token with 6 decimals: one base unit is $0.00000359. 502 DC = $0.00502, and
    // 0.00502 / 0.00000359 = 1398.328690807799442896935…, rounded up at 15 dp.
    EpochPools pools =
        EpochPools.compute(TokenAmount.of(10_000_000_000L), 6, new BigDecimal("3.59"), 502);

    assertThat(pools.dataTransferValue()).isEqualTo(new BigDecimal("1398.328690807799443"));
  }

  @Test
  void reproduces_the_oracle_dc_valuation_test() {
    // helium/oracles reward_share.rs tests: iot_price 359 means $3.59e-10 per bone, i.e.
    // $0.000359 per IOT (6 decimals); they expect 502 DC → 13,983,286 bones and 50,000 DC →
    // 1,392,757,660 bones once floored.
    EpochPools small =
        EpochPools.compute(TokenAmount.of(10_000_000_000L), 6, new BigDecimal("0.000359"), 502);
    EpochPools large =
        EpochPools.compute(TokenAmount.of(10_000_000_000L), 6, new BigDecimal("0.000359"), 50_000);

    assertThat(small.dataTransferValue().setScale(0, RoundingMode.FLOOR))
        .isEqualByComparingTo("13983286");
    assertThat(large.dataTransferValue().setScale(0, RoundingMode.FLOOR))
        .isEqualByComparingTo("1392757660");
  }

  @Test
  void the_three_gateway_pools_add_up_to_80_percent_exactly() {
    EpochPools pools =
        EpochPools.compute(TokenAmount.of(1_234_567), 8, new BigDecimal("3.59"), 123_456_789);

    assertThat(pools.beaconPool().add(pools.witnessPool()).add(pools.dataTransferPool()))
        .isEqualByComparingTo("987653.6");
    assertThat(pools.gatewayTotal()).isEqualTo(TokenAmount.of(987_653));
    assertThat(pools.operations()).isEqualTo(TokenAmount.of(86_419));
    assertThat(pools.notHandled()).isEqualTo(TokenAmount.of(1_234_567 - 987_653 - 2 * 86_419));
  }

  @Test
  void rejects_a_price_of_zero_and_decimals_out_of_range() {
    assertThatThrownBy(() -> EpochPools.compute(TokenAmount.of(1), 8, BigDecimal.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priceUsd");
    assertThatThrownBy(() -> EpochPools.compute(TokenAmount.of(1), 19, BigDecimal.ONE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenDecimals");
  }
}
