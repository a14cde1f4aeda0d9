package org.hexproof.coverage.feed;

import java.time.Instant;
import java.util.Objects;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.coverage.model.WitnessSample;

/** One fact from the feed that changes coverage, in feed order. */
public sealed interface FeedEvent {

  /**
   * A valid beacon from an asserted location: the beaconer's profile.
   *
   * @param hotspot the beaconer
   * @param location its asserted cell
   * @param dataRate the beacon's datarate, which fixes the coverage edge
   */
  record Registered(PublicKey hotspot, H3Cell location, LoraDataRate dataRate)
      implements FeedEvent {
    /** Validates. */
    public Registered {
      Objects.requireNonNull(hotspot, "hotspot");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(dataRate, "dataRate");
    }
  }

  /**
   * A valid witness from an asserted location (hotspots seen only as witnesses get a marker).
   *
   * @param hotspot the witness
   * @param location its asserted cell
   */
  record Sighted(PublicKey hotspot, H3Cell location) implements FeedEvent {
    /** Validates. */
    public Sighted {
      Objects.requireNonNull(hotspot, "hotspot");
      Objects.requireNonNull(location, "location");
    }
  }

  /**
   * A valid PoC of a hotspot.
   *
   * @param hotspot the hotspot
   * @param at the oracle's receive time
   * @param asBeaconer true for a valid beacon, false for a valid witness
   */
  record ValidPoc(PublicKey hotspot, Instant at, boolean asBeaconer) implements FeedEvent {
    /** Validates. */
    public ValidPoc {
      Objects.requireNonNull(hotspot, "hotspot");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A valid witness of a valid beacon: a path-loss sample of the beaconer.
   *
   * @param feedId the entry it came from
   * @param witness the witnessing hotspot
   * @param witnessLocation its asserted cell
   * @param sample the sample (beaconer, distance, RSSI, SNR, time)
   */
  record Witnessed(long feedId, PublicKey witness, H3Cell witnessLocation, WitnessSample sample)
      implements FeedEvent {
    /** Validates. */
    public Witnessed {
      Objects.requireNonNull(witness, "witness");
      Objects.requireNonNull(witnessLocation, "witnessLocation");
      Objects.requireNonNull(sample, "sample");
    }
  }
}
