package org.hexproof.bridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.radio.LoraAirtime;
import org.hexproof.core.radio.LoraDataRate;
import org.junit.jupiter.api.Test;

class TimeBaseTest {
  private static final Duration SF12_BEACON =
      LoraAirtime.timeOnAir(
              RadioSettings.interop(868_100_000L, LoraDataRate.parse("SF12BW125"), 14).modulation(),
              52)
          .duration();

  @Test
  void real_time_waits_the_physical_duration() {
    assertThat(TimeBase.REAL.wall(SF12_BEACON)).isEqualTo(SF12_BEACON);
    assertThat(TimeBase.acceleratedBy(1).wall(Duration.ofMillis(150)))
        .isEqualTo(Duration.ofMillis(150));
  }

  @Test
  void speed_ten_waits_a_tenth_of_a_beacons_time_on_air() {
    assertThat(SF12_BEACON).isBetween(Duration.ofMillis(2_400), Duration.ofMillis(2_600));

    Duration wall = TimeBase.acceleratedBy(10).wall(SF12_BEACON);

    assertThat(wall.toNanos()).isEqualTo(SF12_BEACON.toNanos() / 10);
    assertThat(TimeBase.acceleratedBy(10).wall(Duration.ofMillis(150)))
        .isEqualTo(Duration.ofMillis(15));
    assertThat(TimeBase.acceleratedBy(2.5).wall(Duration.ofSeconds(1)))
        .isEqualTo(Duration.ofMillis(400));
    assertThat(TimeBase.acceleratedBy(1000).wall(Duration.ZERO)).isZero();
  }

  @Test
  void rejects_speeds_below_one_and_non_finite_ones() {
    for (double bad : new double[] {0.5, 0, -10, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> TimeBase.acceleratedBy(bad))
          .as("speed %s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected a finite number ≥ 1");
    }
  }

  @Test
  void rejects_a_negative_duration() {
    assertThatThrownBy(() -> TimeBase.acceleratedBy(10).wall(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected ≥ 0");
  }
}
