package org.hexproof.coverage.feed;

import java.time.Instant;
import java.util.Objects;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.coverage.model.BeaconRadio;
import org.hexproof.coverage.model.WitnessSample;

/** One fact from the feed that changes coverage, in feed order. */
public sealed interface FeedEvent {

  /**
   * A valid beacon from an asserted location: the beaconer's profile.
   *
   * @param hotspot the beaconer
   * @param location its asserted cell
   * @param radio the beacon's radio (a LoRa datarate, or Wi-Fi), which fixes the coverage edge and
   *     the map it belongs to
   */
  record Registered(PublicKey hotspot, H3Cell location, BeaconRadio radio) implements FeedEvent {
    /** Validates. */
    public Registered {
      Objects.requireNonNull(hotspot, "hotspot");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(radio, "radio");
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
