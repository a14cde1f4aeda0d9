package org.hexproof.core.radio;

/**
 * One row of a region's size-to-spreading-factor table: packets up to {@code maxPacketBytes} may
 * use {@code spreadingFactor} (Helium {@code tagged_spreading}, radio.md §2.2).
 *
 * @param maxPacketBytes largest payload, bytes (Helium's tables say 256 for "any")
 * @param spreadingFactor 5..12
 */
public record SpreadingLimit(int maxPacketBytes, int spreadingFactor) {
  /** Validates ranges. */
  public SpreadingLimit {
    if (maxPacketBytes < 1) {
      throw new IllegalArgumentException("max packet size: expected >= 1, got " + maxPacketBytes);
    }
    if (spreadingFactor < 5 || spreadingFactor > 12) {
      throw new IllegalArgumentException(
          "spreading factor: expected 5..12, got " + spreadingFactor);
    }
  }
}
