package org.hexproof.core.token;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A non-negative token amount in integer base units (for HNT, 1 token = 10<sup>8</sup> "bones").
 * Arithmetic is exact: overflow and negative results throw instead of wrapping or rounding. The
 * number of decimals belongs to the token, not to the amount, so it is passed to {@link
 * #toDecimalString(int)} and {@link #parse(String, int)}.
 *
 * @param baseUnits the amount in base units, ≥ 0
 */
public record TokenAmount(long baseUnits) implements Comparable<TokenAmount> {

  /** The zero amount. */
  public static final TokenAmount ZERO = new TokenAmount(0);

  /**
   * Largest supported number of token decimals (ERC-20's common maximum; HNT has 8, the retired IOT
   * and MOBILE had 6).
   */
  public static final int MAX_DECIMALS = 18;

  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  /**
   * Validates the amount.
   *
   * @throws IllegalArgumentException if {@code baseUnits} is negative
   */
  public TokenAmount {
    if (baseUnits < 0) {
      throw new IllegalArgumentException("baseUnits: expected ≥ 0, got " + baseUnits);
    }
  }

  /**
   * Returns the amount of {@code baseUnits} base units.
   *
   * @param baseUnits amount in base units, ≥ 0
   * @return the amount
   * @throws IllegalArgumentException if {@code baseUnits} is negative
   */
  public static TokenAmount of(long baseUnits) {
    return new TokenAmount(baseUnits);
  }

  /**
   * Parses a plain decimal string such as {@code "1.5"} or {@code "12"} exactly.
   *
   * @param decimal digits with an optional fraction; no sign, exponent, grouping or whitespace; not
   *     null
   * @param tokenDecimals the token's decimals, in [0, {@value #MAX_DECIMALS}]
   * @return the amount
   * @throws IllegalArgumentException if the text is malformed, has more fractional digits than
   *     {@code tokenDecimals}, or exceeds {@link Long#MAX_VALUE} base units
   */
  public static TokenAmount parse(String decimal, int tokenDecimals) {
    Objects.requireNonNull(decimal, "decimal");
    checkDecimals(tokenDecimals);
    if (!DECIMAL.matcher(decimal).matches()) {
      throw new IllegalArgumentException(
          "expected a plain decimal amount like 1.5, got \"" + decimal + "\"");
    }
    BigDecimal value = new BigDecimal(decimal);
    if (value.scale() > tokenDecimals) {
      throw new IllegalArgumentException(
          "expected at most "
              + tokenDecimals
              + " fractional digits, got \""
              + decimal
              + "\" with "
              + value.scale());
    }
    BigDecimal units = value.movePointRight(tokenDecimals);
    try {
      return new TokenAmount(units.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "expected at most " + Long.MAX_VALUE + " base units, got \"" + decimal + "\"", e);
    }
  }

  /**
   * Returns this amount plus {@code other}.
   *
   * @param other an amount, not null
   * @return the sum
   * @throws ArithmeticException if the sum exceeds {@link Long#MAX_VALUE} base units
   */
  public TokenAmount plus(TokenAmount other) {
    return new TokenAmount(Math.addExact(baseUnits, other.baseUnits));
  }

  /**
   * Returns this amount minus {@code other}.
   *
   * @param other an amount, not null, not larger than this
   * @return the difference
   * @throws ArithmeticException if {@code other} is larger than this amount; the message names both
   */
  public TokenAmount minus(TokenAmount other) {
    if (other.baseUnits > baseUnits) {
      throw new ArithmeticException(
          "cannot subtract "
              + other.baseUnits
              + " base units from "
              + baseUnits
              + ": the result would be negative");
    }
    return new TokenAmount(baseUnits - other.baseUnits);
  }

  /**
   * Returns this amount multiplied by {@code factor}.
   *
   * @param factor a multiplier, ≥ 0
   * @return the product
   * @throws IllegalArgumentException if {@code factor} is negative
   * @throws ArithmeticException if the product exceeds {@link Long#MAX_VALUE} base units
   */
  public TokenAmount times(long factor) {
    if (factor < 0) {
      throw new IllegalArgumentException("factor: expected ≥ 0, got " + factor);
    }
    return new TokenAmount(Math.multiplyExact(baseUnits, factor));
  }

  /**
   * Formats the amount with exactly {@code tokenDecimals} fractional digits, e.g. 100000000 base
   * units with 8 decimals is {@code "1.00000000"}; with 0 decimals there is no point.
   *
   * @param tokenDecimals the token's decimals, in [0, {@value #MAX_DECIMALS}]
   * @return the plain decimal string
   * @throws IllegalArgumentException if {@code tokenDecimals} is out of range
   */
  public String toDecimalString(int tokenDecimals) {
    checkDecimals(tokenDecimals);
    return BigDecimal.valueOf(baseUnits, tokenDecimals).toPlainString();
  }

  @Override
  public int compareTo(TokenAmount other) {
    return Long.compare(baseUnits, other.baseUnits);
  }

  private static void checkDecimals(int tokenDecimals) {
    if (tokenDecimals < 0 || tokenDecimals > MAX_DECIMALS) {
      throw new IllegalArgumentException(
          "tokenDecimals: expected a value in [0, " + MAX_DECIMALS + "], got " + tokenDecimals);
    }
  }
}
