package org.hexproof.core.beacon;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.hexproof.core.proto.EntropyReport;

/**
 * A value that seeds beacons: the oracle's remote entropy (its {@code data}, the unix second it was
 * made, version 0 or 1) or a hotspot's 4-byte local entropy (timestamp 0, version 0).
 *
 * @param data the entropy bytes, not empty
 * @param timestampSeconds unix seconds; 0 for local entropy
 * @param version 0 or 1 (radio.md §2.2; other versions cannot build a beacon)
 */
public record Entropy(byte[] data, long timestampSeconds, int version) {
  /** Size of a hotspot's local entropy, bytes. */
  public static final int LOCAL_ENTROPY_BYTES = 4;

  /** Validates and copies. */
  public Entropy {
    Objects.requireNonNull(data, "data");
    if (data.length == 0) {
      throw new IllegalArgumentException("entropy: expected at least one byte, got none");
    }
    if (version < 0) {
      throw new IllegalArgumentException("entropy version: expected >= 0, got " + version);
    }
    data = data.clone();
  }

  /**
   * The oracle's remote entropy as an {@code EntropyReport} carries it (data, unix second,
   * version).
   */
  public static Entropy remote(EntropyReport report) {
    return new Entropy(report.getData().toByteArray(), report.getTimestampS(), report.getVersion());
  }

  /**
   * A hotspot's local entropy: exactly 4 bytes, timestamp 0, version 0.
   *
   * @throws IllegalArgumentException unless {@code data} has 4 bytes
   */
  public static Entropy local(byte[] data) {
    if (data.length != LOCAL_ENTROPY_BYTES) {
      throw new IllegalArgumentException(
          "local entropy: expected " + LOCAL_ENTROPY_BYTES + " bytes, got " + data.length);
    }
    return new Entropy(data, 0, 0);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entropy other
        && timestampSeconds == other.timestampSeconds
        && version == other.version
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(data) + Long.hashCode(timestampSeconds)) + version;
  }

  @Override
  public String toString() {
    return "Entropy["
        + HexFormat.of().formatHex(data)
        + ", t="
        + timestampSeconds
        + ", v="
        + version
        + "]";
  }
}
