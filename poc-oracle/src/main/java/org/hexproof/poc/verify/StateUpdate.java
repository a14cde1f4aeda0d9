package org.hexproof.poc.verify;

import java.time.Instant;
import java.util.Objects;

/**
 * A timestamp the verifier's caller must persist for a hotspot after a PoC (poc-rules.md §1.7,
 * §1.9, §2.13). The verifier returns these instead of writing anything.
 *
 * @param hotspotId whose state changes
 * @param field which timestamp
 * @param at the new value, a receive time
 */
public record StateUpdate(String hotspotId, Field field, Instant at) {
  /** The timestamps the verifier keeps per hotspot. */
  public enum Field {
    /** Receive time of the hotspot's latest beacon, valid or not. */
    LAST_BEACON,
    /** Receive time of its latest witness that passed checks 0–12. */
    LAST_WITNESS,
    /** Receive time of its latest valid beacon with at least one witness report. */
    LAST_BEACON_RECIPROCITY
  }

  /** Validates non-null parts. */
  public StateUpdate {
    Objects.requireNonNull(hotspotId, "hotspotId");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(at, "at");
  }
}
