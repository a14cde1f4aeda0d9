package org.hexproof.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.hexproof.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenAmountTest {

  record Formatted(String description, long baseUnits, int decimals, String decimal) {
    @Override
    public String toString() {
      return description;
    }
  }

  record Parsed(String description, String decimal, int decimals, long baseUnits) {
    @Override
    public String toString() {
      return description;
    }
  }

  record Invalid(String description, String decimal, int decimals) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Formatted> formatted() {
    return Vectors.load("token-amounts.json", Formatted.class).stream();
  }

  static Stream<Parsed> parsed() {
    return Vectors.load("token-amounts-parse.json", Parsed.class).stream();
  }

  static Stream<Invalid> invalid() {
    return Vectors.load("token-amounts-invalid.json", Invalid.class).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formatted")
  void formats_base_units_with_all_token_decimals(Formatted v) {
    assertThat(TokenAmount.of(v.baseUnits()).toDecimalString(v.decimals())).isEqualTo(v.decimal());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formatted")
  void parses_formatted_amounts_back(Formatted v) {
    assertThat(TokenAmount.parse(v.decimal(), v.decimals()))
        .isEqualTo(TokenAmount.of(v.baseUnits()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsed")
  void parses_decimal_strings_exactly(Parsed v) {
    assertThat(TokenAmount.parse(v.decimal(), v.decimals()).baseUnits()).isEqualTo(v.baseUnits());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects_malformed_or_inexact_decimal_strings(Invalid v) {
    assertThatThrownBy(() -> TokenAmount.parse(v.decimal(), v.decimals()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected");
  }

  @Test
  void rejects_negative_base_units() {
    assertThatThrownBy(() -> TokenAmount.of(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void adds_and_subtracts() {
    TokenAmount seven = TokenAmount.of(7);

    assertThat(seven.plus(TokenAmount.of(5))).isEqualTo(TokenAmount.of(12));
    assertThat(seven.minus(TokenAmount.of(5))).isEqualTo(TokenAmount.of(2));
    assertThat(seven.minus(seven)).isEqualTo(TokenAmount.ZERO);
    assertThat(seven.times(3)).isEqualTo(TokenAmount.of(21));
    assertThat(seven.times(0)).isEqualTo(TokenAmount.ZERO);
  }

  @Test
  void rejects_a_subtraction_that_would_go_negative_naming_both_amounts() {
    assertThatThrownBy(() -> TokenAmount.of(5).minus(TokenAmount.of(7)))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("7")
        .hasMessageContaining("5")
        .hasMessageContaining("negative");
  }

  @Test
  void rejects_overflowing_sum() {
    TokenAmount max = TokenAmount.of(Long.MAX_VALUE);

    assertThatThrownBy(() -> max.plus(TokenAmount.of(1))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void rejects_overflowing_product() {
    TokenAmount half = TokenAmount.of(Long.MAX_VALUE / 2 + 1);

    assertThatThrownBy(() -> half.times(2)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void rejects_negative_factor() {
    assertThatThrownBy(() -> TokenAmount.of(1).times(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 19})
  void rejects_token_decimals_outside_0_to_18_when_formatting(int decimals) {
    assertThatThrownBy(() -> TokenAmount.ZERO.toDecimalString(decimals))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got " + decimals);
  }

  @Test
  void orders_by_base_units() {
    assertThat(TokenAmount.of(1)).isLessThan(TokenAmount.of(2));
    assertThat(TokenAmount.of(2)).isGreaterThan(TokenAmount.ZERO);
    assertThat(TokenAmount.of(3)).isEqualByComparingTo(TokenAmount.of(3));
  }

  @Test
  void equals_and_hash_code_follow_base_units() {
    EqualsVerifier.forClass(TokenAmount.class)
        .withPrefabValuesForField("baseUnits", 1L, 100_000_000L)
        .verify();
  }
}
