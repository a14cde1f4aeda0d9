package org.hexproof.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class TokenAmountPropertiesTest {

  @Property
  void parsing_the_decimal_string_gives_back_the_amount(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long baseUnits,
      @ForAll @IntRange(min = 0, max = TokenAmount.MAX_DECIMALS) int decimals) {
    TokenAmount amount = TokenAmount.of(baseUnits);

    assertThat(TokenAmount.parse(amount.toDecimalString(decimals), decimals)).isEqualTo(amount);
  }

  @Property
  void minus_undoes_plus(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long a,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long b) {
    TokenAmount x = TokenAmount.of(a);
    TokenAmount y = TokenAmount.of(b);

    assertThat(x.plus(y).minus(y)).isEqualTo(x);
    assertThat(x.plus(y).minus(x)).isEqualTo(y);
    assertThat(x.plus(y)).isEqualTo(y.plus(x));
  }
}
