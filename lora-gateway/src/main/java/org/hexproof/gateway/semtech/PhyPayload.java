package org.hexproof.gateway.semtech;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The radio payload carried base64-encoded in the {@code data} field of rxpk and txpk.
 *
 * <p>Base64 policy: {@link #fromBase64} is lenient because real forwarders and the protocol's own
 * examples are (radio.md §1.3): padding may be missing ({@code ysgR…Ass} is 43 characters for 32
 * bytes) and the URL-safe characters {@code -} and {@code _} are read as {@code +} and {@code /}
 * (the legacy example {@code -DS4…CON84} mixes both alphabets). Whitespace, other characters, a
 * length of 4n+1 characters, or padding in the middle are rejected. {@link #toBase64} is strict and
 * canonical: standard alphabet, padded, as the forwarder itself writes.
 */
public final class PhyPayload {
  private static final Base64.Decoder DECODER = Base64.getDecoder();
  private static final Base64.Encoder ENCODER = Base64.getEncoder();

  private final byte[] bytes;

  private PhyPayload(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code bytes}; not null, may be empty. */
  public static PhyPayload of(byte[] bytes) {
    return new PhyPayload(Objects.requireNonNull(bytes, "bytes").clone());
  }

  /**
   * Decodes base64 by the lenient rules in the class comment.
   *
   * @throws IllegalArgumentException if the text is not base64 even by those rules
   */
  public static PhyPayload fromBase64(String text) {
    Objects.requireNonNull(text, "text");
    String standard = text.replace('-', '+').replace('_', '/');
    int pad = standard.indexOf('=');
    String digits = pad < 0 ? standard : standard.substring(0, pad);
    String padding = pad < 0 ? "" : standard.substring(pad);
    if (!padding.equals("") && !padding.equals("=") && !padding.equals("==")
        || digits.length() % 4 == 1
        || !padding.isEmpty() && (digits.length() + padding.length()) % 4 != 0) {
      throw new IllegalArgumentException(
          "base64: expected 4n, 4n+2 or 4n+3 digits with optional padding, got \"" + text + "\"");
    }
    try {
      return new PhyPayload(DECODER.decode(digits));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "base64: expected standard or URL-safe alphabet, got \"" + text + "\"", e);
    }
  }

  /** Standard alphabet, padded. */
  public String toBase64() {
    return ENCODER.encodeToString(bytes);
  }

  /** A fresh copy of the bytes. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /** Number of bytes. */
  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhyPayload p && Arrays.equals(bytes, p.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Upper-case hex of the bytes. */
  @Override
  public String toString() {
    return "PhyPayload[" + HexFormat.of().withUpperCase().formatHex(bytes) + "]";
  }
}
