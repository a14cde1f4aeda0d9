package org.hexproof.bridge.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A record the receiver refused for good; it is never sent again and is kept only for {@code
 * status}.
 *
 * @param id the record's outbox id
 * @param kind what it was
 * @param reason why it was refused (e.g. the oracle's HTTP status and problem detail)
 * @param parkedAt when it was parked
 */
public record DeadLetter(long id, ReportKind kind, String reason, Instant parkedAt) {
  /** Validates. */
  public DeadLetter {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(parkedAt, "parkedAt");
  }
}
