package org.hexproof.gateway.regulation;

/**
 * Why a transmission may not go out. Codes are stable: never reused or renumbered; retired reasons
 * stay, marked {@code @Deprecated}.
 */
public enum RefusalReason {
  /** The sub-band's airtime within the sliding window would exceed its duty-cycle limit. */
  DUTY_CYCLE_EXCEEDED(1, "duty cycle exceeded"),
  /** A single transmission lasts longer than the region's dwell time. */
  DWELL_TIME_EXCEEDED(2, "dwell time exceeded"),
  /**
   * The frequency lies outside the region's band, or in no duty-cycle sub-band where the region
   * only permits transmitting inside one.
   */
  OUTSIDE_PLAN(3, "frequency outside the regional plan"),
  /** Conducted power plus antenna gain exceeds the plan's maximum EIRP. */
  EIRP_EXCEEDED(4, "EIRP exceeded");

  private final int code;
  private final String message;

  RefusalReason(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** Stable numeric code, for logs, metrics and the wire. */
  public int code() {
    return code;
  }

  /** Short human-readable phrase. */
  public String message() {
    return message;
  }
}
