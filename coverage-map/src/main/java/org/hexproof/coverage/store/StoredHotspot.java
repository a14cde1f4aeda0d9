package org.hexproof.coverage.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.coverage.model.BeaconRadio;

/**
 * What the service knows about one hotspot besides its samples.
 *
 * @param key its public key
 * @param location its asserted cell: from its last valid beacon, or from a valid witness when it
 *     never beaconed; empty when it asserted none
 * @param radio radio (LoRa datarate or Wi-Fi) of its last valid beacon with a location; empty when
 *     it never beaconed from an asserted location (then it has no coverage of its own)
 * @param lastValidPoc newest valid beacon or witness
 * @param validBeacons valid beacons seen
 * @param validWitnesses valid witnesses it made
 */
public record StoredHotspot(
    PublicKey key,
    Optional<H3Cell> location,
    Optional<BeaconRadio> radio,
    Optional<Instant> lastValidPoc,
    long validBeacons,
    long validWitnesses) {

  /** Validates. */
  public StoredHotspot {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(radio, "radio");
    Objects.requireNonNull(lastValidPoc, "lastValidPoc");
  }

  /**
   * A hotspot the feed has named, nothing else known yet.
   *
   * @param key its key
   * @return the record
   */
  public static StoredHotspot named(PublicKey key) {
    return new StoredHotspot(key, Optional.empty(), Optional.empty(), Optional.empty(), 0, 0);
  }

  /**
   * With a beaconing profile.
   *
   * @param cell asserted cell
   * @param beaconRadio the beacon's radio
   * @return the copy
   */
  public StoredHotspot registered(H3Cell cell, BeaconRadio beaconRadio) {
    return new StoredHotspot(
        key,
        Optional.of(cell),
        Optional.of(beaconRadio),
        lastValidPoc,
        validBeacons,
        validWitnesses);
  }

  /**
   * Seen as a witness at a cell; a beaconing profile keeps its own location.
   *
   * @param cell asserted cell
   * @return the copy
   */
  public StoredHotspot sighted(H3Cell cell) {
    if (radio.isPresent()) {
      return this;
    }
    return new StoredHotspot(
        key, Optional.of(cell), radio, lastValidPoc, validBeacons, validWitnesses);
  }

  /**
   * With one more valid PoC.
   *
   * @param at when
   * @param asBeaconer beacon (true) or witness (false)
   * @return the copy
   */
  public StoredHotspot validPoc(Instant at, boolean asBeaconer) {
    Instant newest = lastValidPoc.filter(t -> t.isAfter(at)).orElse(at);
    return new StoredHotspot(
        key,
        location,
        radio,
        Optional.of(newest),
        validBeacons + (asBeaconer ? 1 : 0),
        validWitnesses + (asBeaconer ? 0 : 1));
  }
}
