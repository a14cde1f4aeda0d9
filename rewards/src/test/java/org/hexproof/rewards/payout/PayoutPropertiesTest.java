package org.hexproof.rewards.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.hexproof.core.token.TokenAmount;

class PayoutPropertiesTest {

  @Provide
  Arbitrary<List<HotspotShares>> hotspots() {
    Arbitrary<BigDecimal> shares =
        Arbitraries.oneOf(
            Arbitraries.just(BigDecimal.ZERO),
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10000")).ofScale(4));
    Arbitrary<Long> dc =
        Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 1_000_000_000L));
    Arbitrary<HotspotShares> one =
        Combinators.combine(Arbitraries.integers().between(0, 9999), shares, shares, dc)
            .as((id, b, w, d) -> new HotspotShares("gw" + id, b, w, d));
    return one.list().ofMaxSize(40).uniqueElements(HotspotShares::id);
  }

  @Provide
  Arbitrary<BigDecimal> prices() {
    return Arbitraries.of("0.000359", "0.01", "1", "3.59", "7.123456", "250000")
        .map(BigDecimal::new);
  }

  private static EpochPayout calculate(
      long emission, int decimals, BigDecimal price, List<HotspotShares> hotspots) {
    return PayoutCalculator.calculate(TokenAmount.of(emission), decimals, price, hotspots);
  }

  private static BigDecimal paid(EpochPayout result, Function<HotspotPayout, TokenAmount> pool) {
    return BigDecimal.valueOf(
        result.hotspots().stream().mapToLong(p -> pool.apply(p).baseUnits()).sum());
  }

  @Property(tries = 300)
  void payouts_never_exceed_their_pool(
      @ForAll @LongRange(max = 1_000_000_000_000_000L) long emission,
      @ForAll @IntRange(max = 18) int decimals,
      @ForAll("prices") BigDecimal price,
      @ForAll("hotspots") List<HotspotShares> hotspots) {
    EpochPayout r = calculate(emission, decimals, price, hotspots);

    assertThat(paid(r, HotspotPayout::beacon)).isLessThanOrEqualTo(r.pools().beaconPool());
    assertThat(paid(r, HotspotPayout::witness)).isLessThanOrEqualTo(r.pools().witnessPool());
    assertThat(paid(r, HotspotPayout::dataTransfer))
        .isLessThanOrEqualTo(r.pools().dataTransferPool());
  }

  @Property(tries = 300)
  void every_base_unit_of_the_emission_is_accounted_for(
      @ForAll @LongRange(max = 1_000_000_000_000_000L) long emission,
      @ForAll @IntRange(max = 18) int decimals,
      @ForAll("prices") BigDecimal price,
      @ForAll("hotspots") List<HotspotShares> hotspots) {
    EpochPayout r = calculate(emission, decimals, price, hotspots);
    long paid = r.hotspots().stream().mapToLong(p -> p.total().baseUnits()).sum();

    assertThat(paid + r.unallocated().baseUnits())
        .isEqualTo(r.pools().gatewayTotal().baseUnits())
        .isEqualTo(emission * 4 / 5);
    assertThat(
            r.pools().gatewayTotal().baseUnits()
                + r.operations().baseUnits()
                + r.oracles().baseUnits()
                + r.pools().notHandled().baseUnits())
        .isEqualTo(emission);
  }

  @Property(tries = 200)
  void no_amount_is_negative_and_nobody_is_listed_with_nothing(
      @ForAll @LongRange(max = 1_000_000_000_000_000L) long emission,
      @ForAll("prices") BigDecimal price,
      @ForAll("hotspots") List<HotspotShares> hotspots) {
    EpochPayout r = calculate(emission, 8, price, hotspots);

    assertThat(r.hotspots()).allSatisfy(p -> assertThat(p.total().baseUnits()).isPositive());
    assertThat(r.unallocated().baseUnits()).isNotNegative();
    assertThat(r.pools().notHandled().baseUnits()).isNotNegative();
  }

  @Property(tries = 200)
  void result_does_not_depend_on_input_order(
      @ForAll @LongRange(max = 1_000_000_000_000_000L) long emission,
      @ForAll("prices") BigDecimal price,
      @ForAll("hotspots") List<HotspotShares> hotspots,
      @ForAll long seed) {
    List<HotspotShares> shuffled = new ArrayList<>(hotspots);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(calculate(emission, 8, price, shuffled))
        .isEqualTo(calculate(emission, 8, price, hotspots));
  }

  @Property(tries = 300)
  void each_pool_leaves_less_than_one_base_unit_per_paid_hotspot(
      @ForAll @LongRange(max = 1_000_000_000_000_000L) long emission,
      @ForAll @IntRange(max = 18) int decimals,
      @ForAll("prices") BigDecimal price,
      @ForAll("hotspots") List<HotspotShares> hotspots) {
    EpochPayout r = calculate(emission, decimals, price, hotspots);

    assertRemainder(
        r.pools().beaconPool(),
        paid(r, HotspotPayout::beacon),
        hotspots,
        HotspotShares::beaconShares);
    assertRemainder(
        r.pools().witnessPool(),
        paid(r, HotspotPayout::witness),
        hotspots,
        HotspotShares::witnessShares);
    assertRemainder(
        r.pools().dataTransferPool(),
        paid(r, HotspotPayout::dataTransfer),
        hotspots,
        h -> BigDecimal.valueOf(h.dcTransferred()));
  }

  /**
   * With Σ shares T &gt; 0 and n hotspots holding shares, the leftover is Σ of n fractional parts
   * (each &lt; 1) plus the rate's rounding error (≤ 10⁻¹⁵ × T).
   */
  private static void assertRemainder(
      BigDecimal pool,
      BigDecimal paid,
      List<HotspotShares> hotspots,
      Function<HotspotShares, BigDecimal> shares) {
    BigDecimal total = hotspots.stream().map(shares).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.signum() == 0) {
      assertThat(paid).isZero();
      return;
    }
    long holders = hotspots.stream().filter(h -> shares.apply(h).signum() > 0).count();
    BigDecimal bound = BigDecimal.valueOf(holders).add(total.movePointLeft(EpochPools.PRECISION));
    assertThat(pool.subtract(paid)).isLessThan(bound);
  }
}
