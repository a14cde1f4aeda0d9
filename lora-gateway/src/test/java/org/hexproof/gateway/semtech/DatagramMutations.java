package org.hexproof.gateway.semtech;

import java.util.Random;
import org.hexproof.core.testing.fuzz.Mutations;

/**
 * Random datagrams and byte-level mutations shared by the codec and server fuzz tests:
 * network-core's {@link Mutations} with the JSON-syntax alphabet.
 */
public final class DatagramMutations {
  /** How many kinds {@link #mutateOnce} knows. */
  public static final int KINDS = Mutations.BYTE_KINDS;

  private DatagramMutations() {}

  /** A random datagram, half the time with a plausible version and type byte. */
  public static byte[] random(Random r) {
    return Mutations.random(r);
  }

  /**
   * One mutation of {@code b} at {@code at}: 0 bit flip, 1 byte replaced, 2 truncation, 3 a JSON
   * byte inserted, 4 junk inserted, 5 a range cut out, anything else a range duplicated.
   *
   * @return the mutated bytes (a new array when the length changes)
   */
  public static byte[] mutateOnce(Random r, byte[] b, int at, int kind) {
    return Mutations.mutateOnce(r, b, at, kind, Mutations.JSON_BYTES);
  }
}
