package org.hexproof.bridge.radio;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The radio refused a transmission before it went on the air because the region's rules forbid it
 * (duty cycle, dwell time, EIRP, a frequency outside the plan). Nothing was sent.
 */
public class TransmitRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final String detail;
  private final transient Optional<Instant> earliestAllowed;

  /**
   * @param reason the rule that refused it, e.g. {@code duty cycle exceeded}
   * @param detail what was measured against which limit
   * @param earliestAllowed when the same transmission would pass; empty when waiting does not help
   */
  public TransmitRefusedException(String reason, String detail, Optional<Instant> earliestAllowed) {
    super(
        "transmission refused, "
            + reason
            + ": "
            + detail
            + earliestAllowed
                .map(t -> "; allowed again from " + t)
                .orElse("; waiting will not help"));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.detail = Objects.requireNonNull(detail, "detail");
    this.earliestAllowed = earliestAllowed;
  }

  /** The rule that refused it. */
  public String reason() {
    return reason;
  }

  /** What was measured against which limit. */
  public String detail() {
    return detail;
  }

  /** When the same transmission would pass; empty when waiting does not help. */
  public Optional<Instant> earliestAllowed() {
    return earliestAllowed;
  }
}
