package org.hexproof.bridge.outbox;

import java.util.List;

/**
 * What an outbox directory holds, read without opening it for writing.
 *
 * @param depth records not yet acknowledged or parked
 * @param parked the dead letters, in id order
 */
public record OutboxSummary(int depth, List<DeadLetter> parked) {
  /** Copies the list. */
  public OutboxSummary {
    parked = List.copyOf(parked);
  }
}
