package org.hexproof.poc.entropy;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.hexproof.poc.store.ReportIds;

/**
 * The next value of the oracle's entropy chain: SHA-256(previous ‖ 32 random bytes ‖ timestamp as
 * 8-byte big-endian unix seconds). Helium hashed the latest Solana blockhash with the time
 * (poc-rules.md §0); without a chain to anchor to, chaining each value to the previous one plus
 * fresh randomness keeps values unpredictable and makes the history tamper-evident.
 */
public final class EntropyChain {
  /** Random bytes mixed into each value. */
  public static final int RANDOM_BYTES = 32;

  private EntropyChain() {}

  /**
   * Computes the next value.
   *
   * @param previous the previous value's data; empty for the first value
   * @param random {@value #RANDOM_BYTES} fresh random bytes
   * @param timestampSeconds the new value's timestamp, unix seconds
   * @return 32 bytes
   */
  public static byte[] next(byte[] previous, byte[] random, long timestampSeconds) {
    Objects.requireNonNull(previous, "previous");
    if (random.length != RANDOM_BYTES) {
      throw new IllegalArgumentException(
          "random: expected " + RANDOM_BYTES + " bytes, got " + random.length);
    }
    return ReportIds.sha256(
        previous, random, ByteBuffer.allocate(Long.BYTES).putLong(timestampSeconds).array());
  }
}
