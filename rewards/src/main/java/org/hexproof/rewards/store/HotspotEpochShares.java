package org.hexproof.rewards.store;

import java.math.BigDecimal;
import java.util.Objects;
import org.hexproof.core.keys.PublicKey;

/**
 * One hotspot's shares in one epoch, summed from its {@link ShareRow}s, with the PoC counts behind
 * them.
 *
 * @param hotspot the hotspot; not null
 * @param owner the owner of its latest row in the epoch (by receive time, then feed id); not null
 * @param beaconShares Σ hex_scale × unit over its beacons, ≥ 0
 * @param witnessShares Σ beaconer hex_scale × unit over its selected witnesses, ≥ 0
 * @param dcTransferred DC of packets it carried; 0 until packet routing exists
 * @param beacons number of its rewarded beacons
 * @param witnesses number of its rewarded witnesses
 */
public record HotspotEpochShares(
    PublicKey hotspot,
    PublicKey owner,
    BigDecimal beaconShares,
    BigDecimal witnessShares,
    long dcTransferred,
    int beacons,
    int witnesses) {
  /** Validates. */
  public HotspotEpochShares {
    Objects.requireNonNull(hotspot, "hotspot");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(beaconShares, "beaconShares");
    Objects.requireNonNull(witnessShares, "witnessShares");
  }
}
