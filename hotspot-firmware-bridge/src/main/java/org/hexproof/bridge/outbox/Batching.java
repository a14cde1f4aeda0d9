package org.hexproof.bridge.outbox;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what one delivery attempt of the {@link Sender} offers: the head record alone, or the run
 * of consecutive beacon (or witness) records that starts at the head, up to a limit, in one {@link
 * ReportSink#deliverAll} exchange. Only consecutive records go together, so reports reach the
 * receiver in append order exactly as one at a time would; a single waiting record goes alone.
 *
 * <p>What the receiver said about batches is kept for the sender's lifetime: {@link
 * BatchDelivery.Unsupported} switches batches off, {@link BatchDelivery.TooLarge} halves the limit.
 * Either way the head record then goes alone at once, so the outbox keeps moving. Not thread-safe:
 * the sender calls it under its own lock. Public only for its limits.
 */
public final class Batching {
  private static final Logger log = LoggerFactory.getLogger(Batching.class);

  /** Records offered in one exchange unless configured otherwise. */
  public static final int DEFAULT_RECORDS = 100;

  /** Most records in one exchange: the oracle's default {@code max-batch-reports} (500). */
  public static final int MAX_RECORDS = 500;

  /** What one attempt offered, and the outcome of each record it has one for. */
  record Attempt(List<OutboxRecord> records, List<Delivery> outcomes) {
    Attempt {
      records = List.copyOf(records);
      outcomes = List.copyOf(outcomes);
      if (records.isEmpty() || outcomes.isEmpty() || outcomes.size() > records.size()) {
        throw new IllegalArgumentException(
            "attempt: expected 1.." + records.size() + " outcomes, got " + outcomes.size());
      }
    }
  }

  private int limit;
  private boolean unsupported;

  /**
   * @param maxRecords most records in one exchange, 1..{@link #MAX_RECORDS}; 1 sends every record
   *     alone
   */
  Batching(int maxRecords) {
    if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
      throw new IllegalArgumentException(
          "batch size: expected 1.." + MAX_RECORDS + ", got " + maxRecords);
    }
    this.limit = maxRecords;
  }

  /** Offers the head (and the records that may go with it) to {@code sink}. */
  Attempt attempt(Outbox outbox, OutboxRecord head, ReportSink sink) {
    List<OutboxRecord> batch = run(outbox, head);
    if (batch.size() > 1) {
      BatchDelivery answer = sink.deliverAll(batch);
      if (answer instanceof BatchDelivery.Answered answered) {
        if (answered.outcomes().size() != batch.size()) {
          return new Attempt(
              batch,
              List.of(
                  new Delivery.Retry(
                      "expected "
                          + batch.size()
                          + " batch results, got "
                          + answered.outcomes().size())));
        }
        return new Attempt(batch, answered.outcomes());
      }
      if (answer instanceof BatchDelivery.Retry retry) {
        return new Attempt(batch, List.of(retry.forEach()));
      }
      if (answer instanceof BatchDelivery.Unsupported no) {
        unsupported = true;
        log.info("outbox: the receiver takes no batches ({}); one record per request", no.reason());
      } else {
        limit = batch.size() / 2;
        log.warn(
            "outbox: {} records at once refused ({}); at most {} from now on",
            batch.size(),
            ((BatchDelivery.TooLarge) answer).reason(),
            limit);
      }
    }
    return new Attempt(List.of(head), List.of(sink.deliver(head)));
  }

  /** The head and the consecutive records of its kind behind it, up to the limit. */
  private List<OutboxRecord> run(Outbox outbox, OutboxRecord head) {
    boolean batchable = head.kind() == ReportKind.BEACON || head.kind() == ReportKind.WITNESS;
    if (unsupported || limit < 2 || !batchable || outbox.depth() < 2) {
      return List.of(head);
    }
    List<OutboxRecord> oldest = outbox.oldest(limit);
    int n = 0;
    // an empty record could not be framed (the oracle reads a zero length as broken framing)
    while (n < oldest.size()
        && oldest.get(n).kind() == head.kind()
        && oldest.get(n).bytes().length > 0) {
      n++;
    }
    return n < 2 ? List.of(head) : oldest.subList(0, n);
  }
}
