package org.hexproof.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.hexproof.bridge.outbox.MutableClock;
import org.junit.jupiter.api.Test;

class BeaconSchedulerTest {
  private static final Duration SIX_HOURS = Duration.ofHours(6);
  // 2025-03-01T00:00Z is a multiple of 6 h since the epoch: window 80 564.
  private static final Instant WINDOW_START = Instant.parse("2025-03-01T00:00:00Z");

  @Test
  void windows_are_epoch_aligned() {
    BeaconScheduler scheduler =
        new BeaconScheduler(SIX_HOURS, new MutableClock(WINDOW_START), new Random(1));
    long window = scheduler.windowOf(WINDOW_START);
    assertThat(window).isEqualTo(WINDOW_START.getEpochSecond() / SIX_HOURS.toSeconds());
    assertThat(scheduler.windowStart(window)).isEqualTo(WINDOW_START);
    assertThat(scheduler.windowOf(WINDOW_START.minusMillis(1))).isEqualTo(window - 1);
  }

  @Test
  void fires_at_known_moments_for_a_fixed_seed() {
    MutableClock clock = new MutableClock(WINDOW_START);
    BeaconScheduler scheduler = new BeaconScheduler(SIX_HOURS, clock, new Random(42));
    List<Instant> fires = new ArrayList<>();
    OptionalLong last = OptionalLong.empty();
    for (int i = 0; i < 3; i++) {
      Instant fire = scheduler.nextFire(last);
      fires.add(fire);
      clock.set(fire);
      last = OptionalLong.of(scheduler.windowOf(fire));
    }
    Random same = new Random(42);
    long windowMs = SIX_HOURS.toMillis();
    List<Instant> expected =
        List.of(
            WINDOW_START.plusMillis((long) (same.nextDouble() * windowMs)),
            WINDOW_START.plus(SIX_HOURS).plusMillis((long) (same.nextDouble() * windowMs)),
            WINDOW_START
                .plus(SIX_HOURS.multipliedBy(2))
                .plusMillis((long) (same.nextDouble() * windowMs)));
    assertThat(fires).isEqualTo(expected);
    assertThat(fires.get(0)).isEqualTo(Instant.parse("2025-03-01T04:21:55.375Z"));
  }

  @Test
  void exactly_one_fire_per_window_over_many_windows() {
    MutableClock clock = new MutableClock(WINDOW_START.plus(Duration.ofHours(5)));
    BeaconScheduler scheduler = new BeaconScheduler(SIX_HOURS, clock, new Random(7));
    OptionalLong last = OptionalLong.empty();
    List<Long> windows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Instant fire = scheduler.nextFire(last);
      assertThat(fire).isAfterOrEqualTo(clock.instant());
      // asking again before it fires does not move it
      assertThat(scheduler.nextFire(last)).isEqualTo(fire);
      clock.set(fire);
      long window = scheduler.windowOf(fire);
      windows.add(window);
      last = OptionalLong.of(window);
    }
    long first = windows.get(0);
    assertThat(windows)
        .isEqualTo(java.util.stream.LongStream.range(first, first + 50).boxed().toList());
    assertThat(first).isEqualTo(scheduler.windowOf(WINDOW_START));
  }

  @Test
  void a_restart_late_in_an_unbeaconed_window_still_fires_in_what_is_left_of_it() {
    Instant late = WINDOW_START.plus(Duration.ofHours(5).plusMinutes(50));
    BeaconScheduler scheduler =
        new BeaconScheduler(SIX_HOURS, new MutableClock(late), new Random(3));
    Instant fire = scheduler.nextFire(OptionalLong.empty());
    assertThat(fire).isBetween(late, WINDOW_START.plus(SIX_HOURS));
  }

  @Test
  void no_second_beacon_in_the_same_window_after_a_restart() {
    MutableClock clock = new MutableClock(WINDOW_START.plus(Duration.ofHours(1)));
    BeaconScheduler before = new BeaconScheduler(SIX_HOURS, clock, new Random(5));
    long beaconed = before.windowOf(clock.instant());
    // the process restarts with the persisted window
    BeaconScheduler after = new BeaconScheduler(SIX_HOURS, clock, new Random(5));
    Instant fire = after.nextFire(OptionalLong.of(beaconed));
    assertThat(after.windowOf(fire)).isEqualTo(beaconed + 1);
  }

  @Test
  void a_missed_moment_in_the_current_window_is_due_at_once() {
    MutableClock clock = new MutableClock(WINDOW_START);
    BeaconScheduler scheduler = new BeaconScheduler(SIX_HOURS, clock, new Random(11));
    Instant fire = scheduler.nextFire(OptionalLong.empty());
    clock.set(fire.plus(Duration.ofMinutes(1)));
    assertThat(scheduler.nextFire(OptionalLong.empty())).isEqualTo(fire).isBefore(clock.instant());
  }
}
