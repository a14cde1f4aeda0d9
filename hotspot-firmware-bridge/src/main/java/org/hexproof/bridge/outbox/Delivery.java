package org.hexproof.bridge.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** How one delivery attempt of a record ended. */
public sealed interface Delivery {

  /** The receiver has the record: acknowledge it. */
  record Delivered() implements Delivery {}

  /**
   * The receiver refused the record for good (e.g. HTTP 4xx): park it with {@code reason}.
   *
   * @param reason why, for {@code status}
   */
  record Rejected(String reason) implements Delivery {
    /** Validates. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The receiver could not be reached, failed or was busy (e.g. HTTP 5xx, 429, connection refused):
   * try again later.
   *
   * @param reason what went wrong, for logs and {@code status}
   * @param retryAfter the least wait the receiver asked for (HTTP {@code Retry-After}), if any; the
   *     sender waits at least this long, but never longer than its backoff's maximum
   */
  record Retry(String reason, Optional<Duration> retryAfter) implements Delivery {
    /** Validates. */
    public Retry {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.isPresent() && retryAfter.get().isNegative()) {
        throw new IllegalArgumentException("retry after: expected >= 0, got " + retryAfter.get());
      }
    }

    /** With no wait asked for: the backoff decides. */
    public Retry(String reason) {
      this(reason, Optional.empty());
    }
  }
}
