package org.hexproof.gateway.regulation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of asking whether a transmission may go out: {@link Allowed} or {@link Refused}. A
 * refusal is a value, not an exception (STYLE §4).
 */
public sealed interface TransmitDecision
    permits TransmitDecision.Allowed, TransmitDecision.Refused {

  /** The one {@link Allowed} value. */
  static TransmitDecision allowed() {
    return Allowed.INSTANCE;
  }

  /** Whether the transmission may go out. */
  default boolean isAllowed() {
    return this instanceof Allowed;
  }

  /** The transmission may go out. */
  record Allowed() implements TransmitDecision {
    static final Allowed INSTANCE = new Allowed();
  }

  /**
   * The transmission may not go out.
   *
   * @param reason the rule that refused it
   * @param detail what was measured against which limit, for logs and operators; never blank
   * @param earliestAllowed the first start at which the same transmission (same frequency, airtime
   *     and power) would pass, when waiting helps; empty when it never will (for example a packet
   *     longer than the dwell time, or longer than a whole window's budget)
   */
  record Refused(RefusalReason reason, String detail, Optional<Instant> earliestAllowed)
      implements TransmitDecision {
    /** Validates that every part is present. */
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(earliestAllowed, "earliestAllowed");
      if (detail.isBlank()) {
        throw new IllegalArgumentException("refusal detail: expected text, got blank");
      }
    }

    /** A refusal that waiting does not cure. */
    static Refused permanently(RefusalReason reason, String detail) {
      return new Refused(reason, detail, Optional.empty());
    }
  }
}
