package org.hexproof.bridge.outbox;

/** Where the {@link Sender} delivers records, e.g. the oracle's HTTP API. */
@FunctionalInterface
public interface ReportSink {
  /**
   * Tries to deliver one record. Delivering the same bytes twice must be harmless: after a crash
   * between delivery and acknowledgement the record is delivered again.
   *
   * @return the outcome; failures to reach the receiver are {@link Delivery.Retry}, not exceptions
   */
  Delivery deliver(OutboxRecord record);
}
