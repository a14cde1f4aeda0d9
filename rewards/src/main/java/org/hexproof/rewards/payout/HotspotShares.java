package org.hexproof.rewards.payout;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One hotspot's reward shares for an epoch (poc-rules.md §6): the sums of hex scale × reward unit
 * over its beacons and its witnesses, and the data credits spent on packets it carried.
 *
 * @param id the hotspot's id (its key as text), not blank; unique within an epoch
 * @param beaconShares Σ hex_scale × unit over its valid beacons, ≥ 0, exact decimal
 * @param witnessShares Σ beaconer hex_scale × unit over its selected valid witnesses, ≥ 0
 * @param dcTransferred data credits (whole DC) spent on packets it carried, ≥ 0
 */
public record HotspotShares(
    String id, BigDecimal beaconShares, BigDecimal witnessShares, long dcTransferred) {
  /**
   * Validates.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if {@code id} is blank or an amount is negative
   */
  public HotspotShares {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(beaconShares, "beaconShares");
    Objects.requireNonNull(witnessShares, "witnessShares");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id: expected a non-blank hotspot id");
    }
    if (beaconShares.signum() < 0) {
      throw new IllegalArgumentException("beaconShares: expected ≥ 0, got " + beaconShares);
    }
    if (witnessShares.signum() < 0) {
      throw new IllegalArgumentException("witnessShares: expected ≥ 0, got " + witnessShares);
    }
    if (dcTransferred < 0) {
      throw new IllegalArgumentException("dcTransferred: expected ≥ 0, got " + dcTransferred);
    }
  }
}
