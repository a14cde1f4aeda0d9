package org.hexproof.coverage.model;

import java.util.Objects;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;

/**
 * What the model needs to know about a hotspot besides its witnesses.
 *
 * @param key the hotspot's public key, not null
 * @param location its asserted location, not null
 * @param radio the radio it beacons with, not null
 */
public record HotspotProfile(PublicKey key, LatLng location, BeaconRadio radio) {
  /** Validates. */
  public HotspotProfile {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(radio, "radio");
  }
}
