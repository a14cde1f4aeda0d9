package org.hexproof.rewards.payout;

import java.util.Objects;
import org.hexproof.core.token.TokenAmount;

/**
 * What one hotspot earns in an epoch, in whole base units, per pool.
 *
 * @param id the hotspot's id, not null
 * @param beacon from the beacon pool, not null
 * @param witness from the witness pool, not null
 * @param dataTransfer from the data-transfer pool, not null
 */
public record HotspotPayout(
    String id, TokenAmount beacon, TokenAmount witness, TokenAmount dataTransfer) {
  /**
   * Validates.
   *
   * @throws NullPointerException if a field is null
   */
  public HotspotPayout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(beacon, "beacon");
    Objects.requireNonNull(witness, "witness");
    Objects.requireNonNull(dataTransfer, "dataTransfer");
  }

  /**
   * The hotspot's total.
   *
   * @return beacon + witness + data transfer
   */
  public TokenAmount total() {
    return beacon.plus(witness).plus(dataTransfer);
  }
}
