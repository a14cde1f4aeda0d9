package org.hexproof.poc.verify;

import java.util.Optional;
import org.hexproof.core.radio.ChannelPlan;
import org.hexproof.core.radio.Region;

/**
 * Where the verifier gets a region's beacon parameters (Helium's region cache). A region it cannot
 * resolve is a configuration failure: the verifier throws {@link UnverifiableBeaconException}
 * rather than calling the beacon invalid (§1.3).
 */
@FunctionalInterface
public interface RegionPlans {
  /** The plans built into network-core for every region. */
  RegionPlans BUILT_IN = region -> Optional.of(region.plan());

  /** The channel plan for this region, or empty when it is not loaded. */
  Optional<ChannelPlan> planOf(Region region);
}
