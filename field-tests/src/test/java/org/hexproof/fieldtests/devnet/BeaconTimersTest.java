package org.hexproof.fieldtests.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fleet")
class BeaconTimersTest {
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void the_beacon_pool_holds_the_beacons_in_flight_for_five_wall_seconds_each() {
    // 1,000 hotspots at speed 10: 33.3 beacons per wall second, 5 s each
    assertThat(BeaconTimers.threadsFor(1_000, 10, FIVE_MINUTES)).isEqualTo(167);
    assertThat(BeaconTimers.threadsFor(2_000, 10, FIVE_MINUTES)).isEqualTo(334);
    assertThat(BeaconTimers.threadsFor(2_000, 1, FIVE_MINUTES)).isEqualTo(34);
    assertThat(BeaconTimers.threadsFor(1_000, 10, Duration.ofMinutes(10))).isEqualTo(84);
  }

  @Test
  void the_beacon_pool_stays_within_its_bounds() {
    assertThat(BeaconTimers.threadsFor(10, 10, FIVE_MINUTES)).isEqualTo(BeaconTimers.MIN_THREADS);
    assertThat(BeaconTimers.threadsFor(100_000, 100, FIVE_MINUTES))
        .isEqualTo(BeaconTimers.MAX_THREADS);
  }
}
