package org.hexproof.poc.verify;

import java.time.Instant;
import java.util.Objects;
import org.hexproof.core.beacon.Entropy;

/**
 * The oracle entropy a beacon claims to be built from.
 *
 * @param data the entropy bytes
 * @param start when the entropy was generated; the window opens here (whole seconds count)
 * @param version 0 or 1 build beacons; other versions cannot be verified
 */
public record OracleEntropy(Bytes data, Instant start, int version) {
  /** Validates non-null parts. */
  public OracleEntropy {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(start, "start");
  }

  /** As the beacon generator's remote entropy: data, start in unix seconds, version. */
  public Entropy toRemoteEntropy() {
    return new Entropy(data.toArray(), start.getEpochSecond(), version);
  }
}
