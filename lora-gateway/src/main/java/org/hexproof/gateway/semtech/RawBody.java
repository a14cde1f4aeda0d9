package org.hexproof.gateway.semtech;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes after a decoded datagram's fixed header, exactly as received: the JSON text with its
 * whitespace, number spellings, unknown fields and an optional trailing NUL. A decoded packet keeps
 * them so that {@code encode()} gives back the received datagram byte for byte; packets built in
 * code have none and encode their fields canonically. Packet equality ignores them.
 */
public final class RawBody {
  private final byte[] bytes;

  private RawBody(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy of {@code bytes[from..to)}. */
  static RawBody copyOf(byte[] bytes, int from, int to) {
    return new RawBody(Arrays.copyOfRange(bytes, from, to));
  }

  /** A fresh copy of the bytes. */
  public byte[] toArray() {
    return bytes.clone();
  }

  /** Number of bytes, trailing NUL included. */
  public int length() {
    return bytes.length;
  }

  byte[] unsafeBytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawBody r && Arrays.equals(bytes, r.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The bytes as UTF-8 text (malformed sequences replaced). */
  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
