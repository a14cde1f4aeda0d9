package org.hexproof.fieldtests.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fleet")
class FleetWorkersTest {
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void the_daemon_pool_holds_the_reports_in_flight_for_their_budget_each() {
    // 1,000 hotspots at speed 10: 33.3 beacons, 667 reports per wall second, 100 ms each
    assertThat(Fleet.daemonWorkersFor(1_000, 10, FIVE_MINUTES)).isEqualTo(67);
    assertThat(Fleet.daemonWorkersFor(2_000, 10, FIVE_MINUTES)).isEqualTo(134);
    assertThat(Fleet.daemonWorkersFor(2_000, 10, Duration.ofMinutes(10))).isEqualTo(67);
  }

  @Test
  void the_daemon_pool_stays_within_its_bounds() {
    assertThat(Fleet.daemonWorkersFor(10, 10, FIVE_MINUTES)).isEqualTo(Fleet.MIN_DAEMON_WORKERS);
    assertThat(Fleet.daemonWorkersFor(100_000, 100, FIVE_MINUTES))
        .isEqualTo(Fleet.MAX_DAEMON_WORKERS);
  }
}
