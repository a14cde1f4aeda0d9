package org.hexproof.core.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random inputs and byte-level mutations for fuzzing parsers. Kinds 0..6 work on single bytes and
 * ranges (the set lora-gateway's datagram fuzzing was built on, same draw order); kind 7 inserts a
 * whole token from a dictionary, which gets text parsers past their first syntax check.
 */
public final class Mutations {
  /** Bytes that keep a mutated body close to JSON, so a JSON parser goes deep. */
  public static final byte[] JSON_BYTES =
      "{}[]\":,0123456789.eE-+ tfnul\\\0".getBytes(StandardCharsets.ISO_8859_1);

  /** How many byte-level kinds {@link #mutateOnce} knows (kinds 0 to 6). */
  public static final int BYTE_KINDS = 7;

  /** Tokens every text parser should survive: numbers at the edges, NULs, bad UTF-8, nesting. */
  public static final List<byte[]> HOSTILE_TOKENS =
      List.of(
          ascii("null"),
          ascii("-1"),
          ascii("0"),
          ascii("1e999"),
          ascii("2147483648"),
          ascii("9223372036854775807"),
          ascii("-9223372036854775809"),
          ascii("18446744073709551616"),
          ascii("NaN"),
          ascii("\""),
          ascii("\\u0000"),
          new byte[] {0},
          new byte[] {(byte) 0xC3},
          new byte[] {(byte) 0xFF, (byte) 0xFE},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          ascii("' OR 1=1 --"),
          ascii("%00"),
          ascii("../../etc/passwd"),
          ascii("[[[[[[[[[[[[[[[["),
          ascii("{\"a\":{\"a\":{\"a\":"),
          ascii("\r\n"),
          ascii("\n"));

  private Mutations() {}

  /** A random input, half the time short; the first bytes half the time small values. */
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
   * One byte-level mutation of {@code b} at {@code at}: 0 bit flip, 1 byte replaced (a third of the
   * time by one of {@code alphabet}), 2 truncation, 3 an {@code alphabet} byte inserted, 4 junk
   * inserted, 5 a range cut out, anything else a range duplicated.
   *
   * @param at a position in {@code b} (0 when it is empty)
   * @return the mutated bytes (a new array when the length changes, else {@code b} itself)
   */
  public static byte[] mutateOnce(Random r, byte[] b, int at, int kind, byte[] alphabet) {
    int n = b.length;
    switch (kind) {
      case 0 -> {
        if (n > 0) {
          b[at] ^= (byte) (1 << r.nextInt(8));
        }
      }
      case 1 -> {
        if (n > 0) {
          b[at] = r.nextInt(3) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) r.nextInt();
        }
      }
      case 2 -> b = Arrays.copyOf(b, n == 0 ? 0 : r.nextInt(n + 1));
      case 3 -> b = insert(b, at, new byte[] {alphabet[r.nextInt(alphabet.length)]});
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

  /**
   * {@code rounds} mutations of a copy of {@code seed}, each a byte-level kind or (one time in
   * eight) a token from {@code tokens} inserted at a random place.
   */
  public static byte[] mutate(
      Random r, byte[] seed, int rounds, byte[] alphabet, List<byte[]> tokens) {
    byte[] b = seed.clone();
    for (int k = 0; k < rounds; k++) {
      int at = b.length == 0 ? 0 : r.nextInt(b.length);
      int kind = r.nextInt(BYTE_KINDS + 1);
      b =
          kind == BYTE_KINDS && !tokens.isEmpty()
              ? insert(b, at, tokens.get(r.nextInt(tokens.size())))
              : mutateOnce(r, b, at, kind, alphabet);
    }
    return b;
  }

  /** {@code extra} inserted into {@code b} at {@code at}, as a new array. */
  public static byte[] insert(byte[] b, int at, byte[] extra) {
    byte[] out = new byte[b.length + extra.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(extra, 0, out, at, extra.length);
    System.arraycopy(b, at, out, at + extra.length, b.length - at);
    return out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
