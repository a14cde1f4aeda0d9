package org.hexproof.poc.verify;

import java.util.Objects;

/** The outcome of verifying a beacon or a witness. Invalidity is a value, never an exception. */
public sealed interface Verdict permits Verdict.Valid, Verdict.Invalid {

  /** The one valid verdict. */
  Verdict VALID = new Valid();

  /** Whether this verdict is {@link Valid}. */
  default boolean isValid() {
    return this instanceof Valid;
  }

  /** The verdict as reports and feeds write it: {@code "valid"} or {@code "invalid"}. */
  default String label() {
    return isValid() ? "valid" : "invalid";
  }

  /** The lower-snake-case reason name of an invalid verdict; empty when valid. */
  default java.util.Optional<String> reasonName() {
    return this instanceof Invalid invalid
        ? java.util.Optional.of(invalid.reason().reasonName())
        : java.util.Optional.empty();
  }

  /** Passed every rule. */
  record Valid() implements Verdict {}

  /**
   * Failed a rule.
   *
   * @param reason the first rule that failed; never {@link InvalidReason#REASON_NONE}
   * @param side whose report caused it
   * @param detail a short human-readable explanation, not null, may be empty
   */
  record Invalid(InvalidReason reason, ParticipantSide side, String detail) implements Verdict {
    /** Validates. */
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(detail, "detail");
      if (reason == InvalidReason.REASON_NONE) {
        throw new IllegalArgumentException("an invalid verdict needs a reason, got reason_none");
      }
    }
  }
}
