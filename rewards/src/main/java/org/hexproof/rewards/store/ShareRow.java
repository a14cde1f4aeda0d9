package org.hexproof.rewards.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.hexproof.core.keys.PublicKey;

/**
 * One reward-share row from the verified-PoC feed: a valid beacon, or a selected witness of a valid
 * beacon, whose shares are positive (poc-rules.md §6: rows with 0 shares are never written).
 *
 * @param entryId the feed entry id, &gt; 0
 * @param role beacon or witness; not null
 * @param hotspot the rewarded hotspot; not null
 * @param owner its owner wallet as the feed reported it; not null
 * @param receivedAt the beacon's receive time, which decides the epoch of both roles; not null
 * @param shares hex_scale × reward unit (a witness uses the beaconer's hex scale), &gt; 0
 */
public record ShareRow(
    long entryId,
    Role role,
    PublicKey hotspot,
    PublicKey owner,
    Instant receivedAt,
    BigDecimal shares) {

  /** Which PoC part the shares are for. */
  public enum Role {
    /** The hotspot sent the beacon. */
    BEACON("beacon"),
    /** The hotspot witnessed it and was selected. */
    WITNESS("witness");

    private final String code;

    Role(String code) {
      this.code = code;
    }

    /**
     * The stored code.
     *
     * @return {@code beacon} or {@code witness}
     */
    public String code() {
      return code;
    }
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the id or the shares are not positive
   */
  public ShareRow {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(hotspot, "hotspot");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(shares, "shares");
    if (entryId <= 0) {
      throw new IllegalArgumentException("entryId: expected > 0, got " + entryId);
    }
    if (shares.signum() <= 0) {
      throw new IllegalArgumentException("shares: expected > 0, got " + shares);
    }
  }
}
