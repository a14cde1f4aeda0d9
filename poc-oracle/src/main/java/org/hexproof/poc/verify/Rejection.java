package org.hexproof.poc.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * What a failing rule returns; a passing rule returns {@link #PASS}. Rules return values, so the
 * chain can stop at the first rejection without exceptions (STYLE.md §8.1).
 */
record Rejection(InvalidReason reason, ParticipantSide side, String detail) {
  /** A rule's "pass". */
  static final Optional<Rejection> PASS = Optional.empty();

  Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(detail, "detail");
  }

  static Optional<Rejection> beaconer(InvalidReason reason, String detail) {
    return Optional.of(new Rejection(reason, ParticipantSide.BEACONER, detail));
  }

  static Optional<Rejection> witness(InvalidReason reason, String detail) {
    return Optional.of(new Rejection(reason, ParticipantSide.WITNESS, detail));
  }

  Verdict.Invalid toVerdict() {
    return new Verdict.Invalid(reason, side, detail);
  }
}
