package org.hexproof.poc.verify;

import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.radio.ChannelPlan;

/**
 * The context the beacon chain runs on, gathered before any rule runs.
 *
 * @param beaconerLookup the beaconer's registry entry, if any
 */
record BeaconCheck(
    RuleProfile profile,
    OracleEntropy entropy,
    BeaconReport beacon,
    Optional<HotspotInfo> beaconerLookup,
    RegionPlans regionPlans) {

  BeaconCheck {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(entropy, "entropy");
    Objects.requireNonNull(beacon, "beacon");
    Objects.requireNonNull(beaconerLookup, "beaconerLookup");
    Objects.requireNonNull(regionPlans, "regionPlans");
  }

  /** The beaconer; rules after {@code gateway_found} may rely on it. */
  HotspotInfo beaconer() {
    return beaconerLookup.orElseThrow(
        () -> new IllegalStateException("rule order: beaconer used before gateway_found"));
  }

  /**
   * The beaconer region's plan.
   *
   * @throws UnverifiableBeaconException when the region's parameters are not loaded
   */
  ChannelPlan plan() {
    HotspotInfo beaconer = beaconer();
    return regionPlans
        .planOf(beaconer.region())
        .orElseThrow(
            () ->
                new UnverifiableBeaconException(
                    "no region parameters loaded for "
                        + beaconer.region().displayName()
                        + " (beaconer "
                        + beaconer.id()
                        + ")"));
  }
}
