/**
 * Token amounts in integer base units.
 *
 * <dl>
 *   <dt>Base unit
 *   <dd>The smallest indivisible amount of a token (HNT: 1 "bone" = 10<sup>-8</sup> HNT). Amounts
 *       are {@code long} base units, never negative, never {@code double}.
 *   <dt>Token decimals
 *   <dd>How many decimal places separate base units from whole tokens (HNT: 8). It is a property of
 *       the token and is passed to formatting and parsing, which are exact.
 * </dl>
 *
 * <p>{@code BigDecimal} is used only inside parsing and formatting. Overflow and negative results
 * throw {@link java.lang.ArithmeticException} rather than wrap.
 */
package org.hexproof.core.token;
