package org.hexproof.core.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Base58 text with the Bitcoin alphabet, and base58check as Helium uses it for public keys.
 *
 * <p>Base58 reads the bytes as one big-endian unsigned number and writes it in base 58; each
 * leading {@code 0x00} byte becomes a leading {@code '1'}. Base58check text is {@code
 * base58(version ‖ data ‖ checksum)} with version {@link #VERSION} and {@code checksum} the first 4
 * bytes of {@code SHA-256(SHA-256(version ‖ data))}.
 */
public final class Base58 {
  /** The Bitcoin alphabet: digits and letters without {@code 0 O I l}. */
  static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  /**
   * The version byte Helium puts before a public key in its base58check form (helium-crypto-rs).
   */
  public static final byte VERSION = 0x00;

  /** Checksum length in bytes. */
  public static final int CHECKSUM_LENGTH = 4;

  private static final int BASE = 58;
  private static final int[] DIGIT_OF = new int[128];

  static {
    Arrays.fill(DIGIT_OF, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      DIGIT_OF[ALPHABET.charAt(i)] = i;
    }
  }

  private Base58() {}

  /**
   * Encodes bytes as base58 text.
   *
   * @param data any bytes, possibly empty; not null
   * @return the text; empty for empty input
   */
  public static String encode(byte[] data) {
    Objects.requireNonNull(data, "data");
    int zeros = leadingZeros(data);
    // base-58 digits, least significant first; log(256)/log(58) < 1.37
    int[] digits = new int[(data.length - zeros) * 137 / 100 + 1];
    int length = 0;
    for (int i = zeros; i < data.length; i++) {
      int carry = data[i] & 0xFF;
      for (int j = 0; j < length; j++) {
        carry += digits[j] << 8;
        digits[j] = carry % BASE;
        carry /= BASE;
      }
      while (carry > 0) {
        digits[length++] = carry % BASE;
        carry /= BASE;
      }
    }
    StringBuilder text = new StringBuilder(zeros + length);
    text.append("1".repeat(zeros));
    for (int j = length - 1; j >= 0; j--) {
      text.append(ALPHABET.charAt(digits[j]));
    }
    return text.toString();
  }

  /**
   * Decodes base58 text.
   *
   * @param text base58 text, possibly empty; not null
   * @return the bytes; empty for empty text
   * @throws MalformedKeyException if a character is not in the Bitcoin alphabet
   */
  public static byte[] decode(String text) {
    Objects.requireNonNull(text, "text");
    int ones = 0;
    while (ones < text.length() && text.charAt(ones) == '1') {
      ones++;
    }
    // base-256 digits, least significant first; log(58)/log(256) < 0.74
    int[] bytes = new int[(text.length() - ones) * 74 / 100 + 1];
    int length = 0;
    for (int i = ones; i < text.length(); i++) {
      int carry = digitAt(text, i);
      for (int j = 0; j < length; j++) {
        carry += bytes[j] * BASE;
        bytes[j] = carry & 0xFF;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[length++] = carry & 0xFF;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[ones + length];
    for (int j = 0; j < length; j++) {
      out[out.length - 1 - j] = (byte) bytes[j];
    }
    return out;
  }

  /**
   * Encodes data as base58check text with version {@link #VERSION}.
   *
   * @param data the payload after the version byte (for a public key, its 33 bytes); not null
   * @return the text
   */
  public static String encodeCheck(byte[] data) {
    Objects.requireNonNull(data, "data");
    byte[] versioned = new byte[1 + data.length];
    versioned[0] = VERSION;
    System.arraycopy(data, 0, versioned, 1, data.length);
    byte[] checksum = checksum(versioned);
    byte[] full = Arrays.copyOf(versioned, versioned.length + CHECKSUM_LENGTH);
    System.arraycopy(checksum, 0, full, versioned.length, CHECKSUM_LENGTH);
    return encode(full);
  }

  /**
   * Decodes base58check text, checking the checksum and the version byte.
   *
   * @param text base58check text; not null
   * @return the payload after the version byte, without the checksum
   * @throws MalformedKeyException if a character is not in the alphabet, the text is too short to
   *     hold a version and a checksum, the checksum does not match, or the version is not {@link
   *     #VERSION}
   */
  public static byte[] decodeCheck(String text) {
    byte[] full = decode(text);
    if (full.length < 1 + CHECKSUM_LENGTH) {
      throw new MalformedKeyException(
          String.format(
              "base58check: expected at least %d bytes (version and checksum), got %d",
              1 + CHECKSUM_LENGTH, full.length));
    }
    int bodyLength = full.length - CHECKSUM_LENGTH;
    byte[] versioned = Arrays.copyOf(full, bodyLength);
    byte[] expected = checksum(versioned);
    byte[] actual = Arrays.copyOfRange(full, bodyLength, full.length);
    if (!MessageDigest.isEqual(expected, actual)) {
      HexFormat hex = HexFormat.of();
      throw new MalformedKeyException(
          String.format(
              "base58check: expected checksum %s, got %s (mistyped or truncated text?)",
              hex.formatHex(expected), hex.formatHex(actual)));
    }
    if (versioned[0] != VERSION) {
      throw new MalformedKeyException(
          String.format(
              "base58check: expected version byte 0x%02x, got 0x%02x",
              VERSION, versioned[0] & 0xFF));
    }
    return Arrays.copyOfRange(versioned, 1, versioned.length);
  }

  private static int digitAt(String text, int index) {
    char c = text.charAt(index);
    int digit = c < DIGIT_OF.length ? DIGIT_OF[c] : -1;
    if (digit < 0) {
      throw new MalformedKeyException(
          String.format(
              "base58: expected a character of the Bitcoin alphabet, got '%s' (U+%04X) at index %d",
              c, (int) c, index));
    }
    return digit;
  }

  private static int leadingZeros(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    return zeros;
  }

  private static byte[] checksum(byte[] versioned) {
    MessageDigest sha256 = sha256();
    byte[] once = sha256.digest(versioned);
    return Arrays.copyOf(sha256.digest(once), CHECKSUM_LENGTH);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // every Java SE platform must provide SHA-256 (MessageDigest Javadoc)
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
