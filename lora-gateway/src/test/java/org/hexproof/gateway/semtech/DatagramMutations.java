package org.hexproof.gateway.semtech;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Random datagrams and byte-level mutations shared by the codec and server fuzz tests. */
public final class DatagramMutations {
  /** Bytes that keep a mutated body close to JSON, so the parser goes deep. */
  static final byte[] JSON_BYTES =
      "{}[]\":,0123456789.eE-+ tfnul\\\0".getBytes(StandardCharsets.ISO_8859_1);

  /** How many kinds {@link #mutateOnce} knows. */
  public static final int KINDS = 7;

  private DatagramMutations() {}

  /** A random datagram, half the time with a plausible version and type byte. */
  public static byte[] random(Random r) {
    byte[] b = new byte[r.nextInt(0, r.nextBoolean() ? 16 : 600)];
    r.nextBytes(b);
    if (b.length > 3 && r.nextBoolean()) {
      b[0] = (byte) (1 + r.nextInt(2));
      b[3] = (byte) r.nextInt(6);
    }
    return b;
  }

  /**
   * One mutation of {@code b} at {@code at}: 0 bit flip, 1 byte replaced, 2 truncation, 3 a JSON
   * byte inserted, 4 junk inserted, 5 a range cut out, anything else a range duplicated.
   *
   * @return the mutated bytes (a new array when the length changes)
   */
  public static byte[] mutateOnce(Random r, byte[] b, int at, int kind) {
    int n = b.length;
    switch (kind) {
      case 0 -> {
        if (n > 0) {
          b[at] ^= (byte) (1 << r.nextInt(8));
        }
      }
      case 1 -> {
        if (n > 0) {
          b[at] = r.nextInt(3) == 0 ? JSON_BYTES[r.nextInt(JSON_BYTES.length)] : (byte) r.nextInt();
        }
      }
      case 2 -> b = Arrays.copyOf(b, n == 0 ? 0 : r.nextInt(n + 1));
      case 3 -> b = insert(b, at, new byte[] {JSON_BYTES[r.nextInt(JSON_BYTES.length)]});
      case 4 -> {
        byte[] junk = new byte[1 + r.nextInt(8)];
        r.nextBytes(junk);
        b = insert(b, at, junk);
      }
      case 5 -> {
        int len = n == 0 ? 0 : r.nextInt(Math.min(16, n - at) + 1);
        byte[] cut = new byte[n - len];
        System.arraycopy(b, 0, cut, 0, at);
        System.arraycopy(b, at + len, cut, at, n - at - len);
        b = cut;
      }
      default -> {
        int len = n == 0 ? 0 : r.nextInt(Math.min(32, n - at) + 1);
        b = insert(b, at, Arrays.copyOfRange(b, at, at + len));
      }
    }
    return b;
  }

  private static byte[] insert(byte[] b, int at, byte[] extra) {
    byte[] out = new byte[b.length + extra.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(extra, 0, out, at, extra.length);
    System.arraycopy(b, at, out, at + extra.length, b.length - at);
    return out;
  }
}
