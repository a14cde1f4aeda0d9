package org.hexproof.bridge.outbox;

import java.util.List;

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

  /**
   * Tries to deliver several records of one kind ({@link ReportKind#BEACON} or {@link
   * ReportKind#WITNESS}) in one exchange. As with {@link #deliver}, any of them may have been
   * delivered before.
   *
   * @param records two or more, all of one kind, oldest first
   * @return the outcome; by default {@link BatchDelivery.Unsupported}, for sinks that only take one
   *     record at a time
   */
  default BatchDelivery deliverAll(List<OutboxRecord> records) {
    return new BatchDelivery.Unsupported("this sink takes one record at a time");
  }
}
