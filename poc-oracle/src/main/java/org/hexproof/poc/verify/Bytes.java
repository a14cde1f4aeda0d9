package org.hexproof.poc.verify;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable byte string (entropy, beacon payload) with value equality and a hex {@code
 * toString}.
 */
public final class Bytes {
  private final byte[] value;

  private Bytes(byte[] value) {
    this.value = value;
  }

  /** A copy of these bytes. */
  public static Bytes of(byte[] bytes) {
    return new Bytes(Objects.requireNonNull(bytes, "bytes").clone());
  }

  /**
   * Parses hex digits, two per byte, either case.
   *
   * @throws IllegalArgumentException if the text is not an even number of hex digits
   */
  public static Bytes fromHex(String hex) {
    return new Bytes(HexFormat.of().parseHex(hex));
  }

  /** A copy of the bytes. */
  public byte[] toArray() {
    return value.clone();
  }

  /** Number of bytes. */
  public int length() {
    return value.length;
  }

  /** Lower-case hex. */
  public String toHex() {
    return HexFormat.of().formatHex(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
