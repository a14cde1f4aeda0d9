package org.hexproof.gateway.semtech;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A 64-bit gateway EUI ({@code gateway_ID} in the forwarder config). GWMP writes it most
 * significant byte first (radio.md §1.1), so {@code AA555A0000000000} is {@code AA 55 5A 00 00 00
 * 00 00} on the wire. Every 64-bit value is a valid EUI.
 *
 * @param value the EUI as an unsigned 64-bit number held in a {@code long}
 */
public record Eui64(long value) {
  /** Number of bytes on the wire. */
  public static final int BYTES = 8;

  /**
   * Reads 8 bytes most significant first.
   *
   * @param bytes exactly 8 bytes, not null
   * @throws IllegalArgumentException if {@code bytes} is not 8 bytes long
   */
  public static Eui64 fromBigEndian(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("EUI-64: expected 8 bytes, got " + bytes.length);
    }
    long v = 0;
    for (byte b : bytes) {
      v = (v << 8) | (b & 0xFF);
    }
    return new Eui64(v);
  }

  /**
   * Reads 8 bytes least significant first (LoRaWAN frames carry EUIs this way).
   *
   * @param bytes exactly 8 bytes, not null
   * @throws IllegalArgumentException if {@code bytes} is not 8 bytes long
   */
  public static Eui64 fromLittleEndian(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    byte[] reversed = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      reversed[i] = bytes[bytes.length - 1 - i];
    }
    return fromBigEndian(reversed);
  }

  /**
   * Parses 16 hexadecimal digits, either case, without separators ({@code "AA555A0000000000"}).
   *
   * @throws IllegalArgumentException if the text is not exactly 16 hex digits
   */
  public static Eui64 parse(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != 16 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException(
          "EUI-64: expected 16 hex digits, got \"" + hex + "\" (" + hex.length() + " chars)");
    }
    return new Eui64(Long.parseUnsignedLong(hex, 16));
  }

  /** The 8 wire bytes, most significant first; a fresh array on every call. */
  public byte[] toBigEndian() {
    byte[] out = new byte[BYTES];
    for (int i = 0; i < BYTES; i++) {
      out[i] = (byte) (value >>> (56 - 8 * i));
    }
    return out;
  }

  /** The 8 bytes least significant first; a fresh array on every call. */
  public byte[] toLittleEndian() {
    byte[] big = toBigEndian();
    byte[] out = new byte[BYTES];
    for (int i = 0; i < BYTES; i++) {
      out[i] = big[BYTES - 1 - i];
    }
    return out;
  }

  /** 16 upper-case hex digits, the form {@link #parse} reads and the forwarder config uses. */
  @Override
  public String toString() {
    return HexFormat.of().withUpperCase().toHexDigits(value);
  }
}
