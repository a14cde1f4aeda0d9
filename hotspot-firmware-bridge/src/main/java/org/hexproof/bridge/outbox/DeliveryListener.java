package org.hexproof.bridge.outbox;

import java.time.Instant;

/** Hears of every delivered record, in the delivery task, before it is acknowledged. */
@FunctionalInterface
public interface DeliveryListener {
  /**
   * @param record the record delivered
   * @param attemptStarted when the delivery attempt began, by the sender's clock
   * @param delivered when the sink said it was delivered
   */
  void delivered(OutboxRecord record, Instant attemptStarted, Instant delivered);

  /**
   * A delivery attempt that will be retried after a backoff.
   *
   * @param record the record not delivered
   * @param reason what went wrong
   */
  default void failed(OutboxRecord record, String reason) {}
}
