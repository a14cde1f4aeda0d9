package org.hexproof.bridge.outbox;

import java.util.List;
import java.util.Objects;

/** How one attempt to deliver several records of one kind in one exchange ended. */
public sealed interface BatchDelivery {

  /**
   * The receiver answered for each record.
   *
   * @param outcomes one per record offered, in the same order
   */
  record Answered(List<Delivery> outcomes) implements BatchDelivery {
    /** Validates and copies. */
    public Answered {
      outcomes = List.copyOf(outcomes);
    }
  }

  /**
   * The receiver has no way to take several records at once (e.g. an oracle that answers 404 for
   * the batch path): the sender delivers one record per exchange from then on.
   *
   * @param reason what the receiver said
   */
  record Unsupported(String reason) implements BatchDelivery {
    /** Validates. */
    public Unsupported {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The receiver refused this many records at once (HTTP 413), taking none: the sender offers fewer
   * from then on.
   *
   * @param reason what the receiver said
   */
  record TooLarge(String reason) implements BatchDelivery {
    /** Validates. */
    public TooLarge {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * No record can count as taken (connection failure, timeout, 5xx, 429, any other answer): retry
   * them all later.
   *
   * @param reason what went wrong
   */
  record Retry(String reason) implements BatchDelivery {
    /** Validates. */
    public Retry {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
