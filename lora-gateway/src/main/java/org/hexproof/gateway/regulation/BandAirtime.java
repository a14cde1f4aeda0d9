package org.hexproof.gateway.regulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The accepted transmissions of one duty-cycle sub-band and the sliding-window arithmetic over
 * them. The non-private methods are {@code synchronized}, so a check and the record that follows it
 * are one atomic step in {@link #admit}.
 *
 * <p>Charging rule: a transmission {@code [start, end)} is charged its whole airtime to every
 * window {@code [a, a + W)} it overlaps at all ({@code start < a + W} and {@code end > a}). That
 * over-counts a transmission cut by a window edge, never under-counts, so the ETSI sum over any
 * hour is at most what this class admits. A transmission stops counting against a later one once
 * the later one starts at or after {@code end + W}: that instant is when it "expires".
 */
final class BandAirtime {
  /**
   * Why a transmission does not fit: the heaviest window it overlaps, that window's airtime without
   * it, and the first start at which it would fit (empty: never).
   */
  record Shortfall(Instant windowStart, Duration used, Optional<Instant> earliestFit) {}

  private record Entry(Instant start, Instant end) {
    long nanos() {
      return Duration.between(start, end).toNanos();
    }
  }

  private final Duration window;
  private final Duration budget;

  /** Sorted by start. */
  private final List<Entry> entries = new ArrayList<>();

  BandAirtime(Duration window, Duration budget) {
    this.window = window;
    this.budget = budget;
  }

  /**
   * Admits the transmission {@code [start, end)} if it fits, recording it when {@code record} is
   * set; answers empty when it fits, else why not. One atomic step.
   */
  synchronized Optional<Shortfall> admit(Instant start, Instant end, boolean record) {
    if (admissible(start, end)) {
      if (record) {
        insert(start, end);
      }
      return Optional.empty();
    }
    Instant heaviest = start.minus(window);
    long heaviestNanos = -1;
    for (Instant c : candidateWindowStarts(start, end)) {
      long used = chargedNanos(c);
      if (used > heaviestNanos) {
        heaviestNanos = used;
        heaviest = c;
      }
    }
    return Optional.of(
        new Shortfall(
            heaviest,
            Duration.ofNanos(heaviestNanos),
            earliestFit(start, Duration.between(start, end))));
  }

  /**
   * The first start at or after {@code start} at which a transmission of this airtime fits; empty
   * when its airtime alone exceeds the budget.
   */
  private Optional<Instant> earliestFit(Instant start, Duration airtime) {
    if (airtime.compareTo(budget) > 0) {
      return Optional.empty();
    }
    if (admissible(start, start.plus(airtime))) {
      return Optional.of(start);
    }
    // Fit can only begin where an entry stops overlapping every window the candidate touches.
    TreeSet<Instant> expiries = new TreeSet<>();
    for (Entry e : entries) {
      Instant expiry = e.end().plus(window);
      if (expiry.isAfter(start)) {
        expiries.add(expiry);
      }
    }
    for (Instant s : expiries) {
      if (admissible(s, s.plus(airtime))) {
        return Optional.of(s);
      }
    }
    throw new IllegalStateException("no fit after the last expiry: window arithmetic is broken");
  }

  /** Airtime charged to the window {@code [windowStart, windowStart + W)}. */
  synchronized Duration chargedTo(Instant windowStart) {
    Instant windowEnd = windowStart.plus(window);
    long sum = 0;
    for (Entry e : entries) {
      if (e.start().isBefore(windowEnd) && e.end().isAfter(windowStart)) {
        sum += e.nanos();
      }
    }
    return Duration.ofNanos(sum);
  }

  /** Forgets entries that ended at or before {@code horizon}. */
  private void insert(Instant start, Instant end) {
    int at = entries.size();
    while (at > 0 && entries.get(at - 1).start().isAfter(start)) {
      at--;
    }
    entries.add(at, new Entry(start, end));
  }

  synchronized void forgetEndedBy(Instant horizon) {
    entries.removeIf(e -> !e.end().isAfter(horizon));
  }

  synchronized int size() {
    return entries.size();
  }

  private boolean admissible(Instant start, Instant end) {
    long limit = budget.toNanos() - Duration.between(start, end).toNanos();
    if (limit < 0) {
      return false;
    }
    for (Instant c : candidateWindowStarts(start, end)) {
      if (chargedNanos(c) > limit) {
        return false;
      }
    }
    return true;
  }

  /**
   * Window starts {@code c}, read as "just after c", at which the charged sum over windows
   * overlapping {@code [start, end)} can peak: the earliest such window, and each window that just
   * takes in a later entry's start. The sum only rises when a window takes in an entry.
   */
  private List<Instant> candidateWindowStarts(Instant start, Instant end) {
    List<Instant> starts = new ArrayList<>();
    starts.add(start.minus(window));
    Instant last = end.plus(window);
    for (Entry e : entries) {
      if (e.start().isAfter(start) && e.start().isBefore(last)) {
        starts.add(e.start().minus(window));
      }
    }
    return starts;
  }

  /**
   * Airtime of entries overlapping the window starting just after {@code c}: {@code start ≤ c + W}
   * and {@code end > c}.
   */
  private long chargedNanos(Instant c) {
    Instant windowEnd = c.plus(window);
    long sum = 0;
    for (Entry e : entries) {
      if (e.start().isAfter(windowEnd)) {
        break;
      }
      if (e.end().isAfter(c)) {
        sum += e.nanos();
      }
    }
    return sum;
  }
}
