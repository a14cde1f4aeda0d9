package org.hexproof.gateway.semtech;

/**
 * The 2-byte random token of a GWMP datagram (bytes 1–2). It is opaque: an ACK echoes the bytes it
 * acknowledges. ChirpStack reads them little-endian and Helium big-endian; neither interprets them
 * (radio.md §0), so this type only keeps the two bytes in wire order.
 *
 * @param wireBits byte 1 in the high 8 bits and byte 2 in the low 8 bits, 0 to 0xFFFF
 */
public record Token(int wireBits) {
  /**
   * @throws IllegalArgumentException if {@code wireBits} is outside 0 to 0xFFFF
   */
  public Token {
    if (wireBits < 0 || wireBits > 0xFFFF) {
      throw new IllegalArgumentException("token: expected 0..0xFFFF, got " + wireBits);
    }
  }

  /** The token whose wire bytes are {@code first}, then {@code second}. */
  public static Token of(byte first, byte second) {
    return new Token(((first & 0xFF) << 8) | (second & 0xFF));
  }

  /** Datagram byte 1. */
  public byte first() {
    return (byte) (wireBits >>> 8);
  }

  /** Datagram byte 2. */
  public byte second() {
    return (byte) wireBits;
  }

  /** The two wire bytes as 4 upper-case hex digits, e.g. {@code "1234"} for bytes 12 34. */
  @Override
  public String toString() {
    return String.format("%04X", wireBits);
  }
}
