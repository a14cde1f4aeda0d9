package org.hexproof.gateway.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.gateway.regulation.Beacons.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.hexproof.core.radio.DutyCycleBand;
import org.hexproof.core.radio.Region;

/**
 * Random traffic, in random start order, against a one-minute window (so bands fill quickly):
 * whatever the ledger admits respects the budget in every window, and it refuses only what an
 * independent brute-force count says would break it.
 */
class DutyCycleLedgerPropertiesTest {
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final Instant NOW = T0.plus(WINDOW);
  private static final long[] FREQUENCIES = {
    867_900_000L, 867_100_000L, 868_100_000L, 868_800_000L, 869_525_000L
  };

  @Provide
  Arbitrary<TransmitRequest> requests() {
    // Starts anywhere in [now − W, now + W], whole microseconds; 1 µs .. 3 s on air.
    Arbitrary<Long> startMicros = Arbitraries.longs().between(0, 2 * WINDOW.toNanos() / 1_000);
    Arbitrary<Long> airtimeMicros =
        Arbitraries.oneOf(
            Arbitraries.longs().between(1, 3_000_000L),
            Arbitraries.of(2_465_792L, 328_704L, 600_000L));
    Arbitrary<Long> frequency =
        Arbitraries.of(
            FREQUENCIES[0], FREQUENCIES[1], FREQUENCIES[2], FREQUENCIES[3], FREQUENCIES[4]);
    return Combinators.combine(startMicros, airtimeMicros, frequency)
        .as(
            (s, toa, hz) ->
                new TransmitRequest(
                    hz, Duration.ofNanos(toa * 1_000), T0.plusNanos(s * 1_000), 14, 12));
  }

  @Property(tries = 300)
  void admitted_airtime_never_exceeds_the_budget_in_any_window(
      @ForAll @Size(max = 200) List<@net.jqwik.api.From("requests") TransmitRequest> traffic) {
    DutyCycleLedger ledger = new DutyCycleLedger(Region.EU868, WINDOW, new MutableClock(NOW));
    Map<DutyCycleBand, List<TransmitRequest>> admitted = new HashMap<>();

    for (TransmitRequest r : traffic) {
      DutyCycleBand band = Region.EU868.plan().dutyCycleBandOf(r.frequencyHz()).orElseThrow();
      List<TransmitRequest> sameBand = admitted.computeIfAbsent(band, b -> new ArrayList<>());
      boolean fits =
          heaviestOverlappingWindow(sameBand, r) + nanos(r) <= ledger.budget(band).toNanos();

      TransmitDecision decision = ledger.tryAcquire(r);

      assertThat(decision.isAllowed()).as("%s against %s", r, sameBand).isEqualTo(fits);
      if (decision.isAllowed()) {
        sameBand.add(r);
      }
    }
    admitted.forEach(
        (band, list) -> {
          for (TransmitRequest r : list) {
            // The heaviest windows begin just after some transmission's start minus W.
            Instant a = r.start().minus(WINDOW).plusNanos(1);
            assertThat(charged(list, a)).isLessThanOrEqualTo(ledger.budget(band).toNanos());
          }
        });
  }

  @Property(tries = 200)
  void a_refused_transmission_fits_at_its_earliest_allowed_start(
      @ForAll @Size(min = 1, max = 100)
          List<@net.jqwik.api.From("requests") TransmitRequest> traffic) {
    MutableClock clock = new MutableClock(NOW);
    DutyCycleLedger ledger = new DutyCycleLedger(Region.EU868, WINDOW, clock);
    for (TransmitRequest r : traffic) {
      TransmitDecision decision = ledger.tryAcquire(r);
      if (decision instanceof TransmitDecision.Refused refused
          && refused.earliestAllowed().isPresent()) {
        Instant at = refused.earliestAllowed().get();
        assertThat(at).isAfter(r.start());
        clock.set(at);
        assertThat(ledger.check(r.startingAt(at)).isAllowed()).isTrue();
        clock.set(NOW);
      }
    }
  }

  /** Brute force: the most airtime any window overlapping {@code r} already holds. */
  private static long heaviestOverlappingWindow(List<TransmitRequest> admitted, TransmitRequest r) {
    // Windows [a, a + W) overlapping r have a in (start − W, end); the charged sum only steps at
    // a = x − W + 1 ns and a = x + 1 ns for the edges x of the transmissions, so try those.
    List<Instant> candidates = new ArrayList<>();
    candidates.add(r.start().minus(WINDOW).plusNanos(1));
    for (TransmitRequest e : admitted) {
      for (Instant x : List.of(e.start(), e.end())) {
        candidates.add(x.minus(WINDOW).plusNanos(1));
        candidates.add(x.plusNanos(1));
      }
    }
    long heaviest = 0;
    for (Instant a : candidates) {
      if (a.isAfter(r.start().minus(WINDOW)) && a.isBefore(r.end())) {
        heaviest = Math.max(heaviest, charged(admitted, a));
      }
    }
    return heaviest;
  }

  /** Whole airtime of every transmission overlapping {@code [a, a + W)}. */
  private static long charged(List<TransmitRequest> list, Instant a) {
    Instant windowEnd = a.plus(WINDOW);
    return list.stream()
        .filter(e -> e.start().isBefore(windowEnd) && e.end().isAfter(a))
        .mapToLong(DutyCycleLedgerPropertiesTest::nanos)
        .sum();
  }

  private static long nanos(TransmitRequest r) {
    return r.timeOnAir().toNanos();
  }
}
