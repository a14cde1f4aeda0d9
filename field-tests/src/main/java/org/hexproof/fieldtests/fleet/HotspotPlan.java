package org.hexproof.fieldtests.fleet;

import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.geo.LatLng;

/**
 * One hotspot of a {@link FleetPlan}.
 *
 * @param name short unique name (also its data directory)
 * @param radio its radio
 * @param site where its antenna stands on the simulated air
 * @param asserted the location it asserts to the oracle (its site unless it lies)
 * @param listenChannel index of the beacon channel a single-channel module listens on
 * @param cheat how it misbehaves, if it does
 * @param partner the other hotspot of a {@link Cheat#TOO_CLOSE} or {@link Cheat#DENIED_EDGE} pair
 */
public record HotspotPlan(
    String name,
    Radio radio,
    LatLng site,
    LatLng asserted,
    int listenChannel,
    Optional<Cheat> cheat,
    Optional<String> partner) {

  /** Validates. */
  public HotspotPlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(radio, "radio");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(asserted, "asserted");
    Objects.requireNonNull(cheat, "cheat");
    Objects.requireNonNull(partner, "partner");
    if (!name.matches("[a-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("hotspot name: expected [a-z0-9-]{1,32}, got " + name);
    }
    if (listenChannel < 0 || listenChannel > 63) {
      throw new IllegalArgumentException("listen channel: expected 0..63, got " + listenChannel);
    }
  }

  /** An honest hotspot asserting its site. */
  public static HotspotPlan honest(String name, Radio radio, LatLng site, int listenChannel) {
    return new HotspotPlan(
        name, radio, site, site, listenChannel, Optional.empty(), Optional.empty());
  }

  /** Whether it cheats in this way. */
  public boolean cheats(Cheat c) {
    return cheat.equals(Optional.of(c));
  }
}
