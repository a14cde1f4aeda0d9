package org.hexproof.bridge.outbox;

import java.util.Objects;

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
   * The receiver could not be reached or failed (e.g. HTTP 5xx, connection refused): try again
   * later.
   *
   * @param reason what went wrong, for logs and {@code status}
   */
  record Retry(String reason) implements Delivery {
    /** Validates. */
    public Retry {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
