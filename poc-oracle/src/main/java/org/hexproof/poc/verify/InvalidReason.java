package org.hexproof.poc.verify;

/**
 * Why a beacon or witness is invalid: Helium's {@code helium.poc_lora.invalid_reason}, with the
 * same codes and lower-snake-case names (poc-rules.md §4). Codes are never reused or renumbered.
 *
 * <p>{@link #BAD_SIGNATURE}, {@link #BAD_ENTROPY}, {@link #INVALID_PUBKEY}, {@link
 * #SCALING_FACTOR_NOT_FOUND} and {@link #UNKNOWN_ERROR} exist on the wire but the last oracle never
 * emitted them, and this verifier does not either. {@link #STALE} is written by the purger for
 * reports that were never verified, not by the rule chain.
 */
public enum InvalidReason {
  REASON_NONE(0),
  BAD_SIGNATURE(1),
  NOT_ASSERTED(2),
  ENTROPY_EXPIRED(3),
  BAD_ENTROPY(4),
  INVALID_CAPABILITY(5),
  INVALID_PUBKEY(6),
  IRREGULAR_INTERVAL(7),
  GATEWAY_NOT_FOUND(8),
  DENIED(9),
  INVALID_PACKET(10),
  BAD_RSSI(11),
  INVALID_REGION(12),
  MAX_DISTANCE_EXCEEDED(13),
  INVALID_FREQUENCY(14),
  SELF_WITNESS(15),
  STALE(16),
  SCALING_FACTOR_NOT_FOUND(17),
  UNKNOWN_ERROR(18),
  BELOW_MIN_DISTANCE(19),
  DUPLICATE(20),
  DENIED_EDGE(21),
  TOO_LATE(22),
  GATEWAY_NO_VALID_BEACONS(23),
  GATEWAY_NO_VALID_WITNESSES(24);

  private final int code;

  InvalidReason(int code) {
    this.code = code;
  }

  /** The proto code, 0..24. */
  public int code() {
    return code;
  }

  /** The proto name in lower snake case, e.g. {@code below_min_distance}. */
  public String reasonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
