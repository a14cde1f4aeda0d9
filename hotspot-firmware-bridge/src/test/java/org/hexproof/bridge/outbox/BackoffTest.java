package org.hexproof.bridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doubles_from_one_second_and_caps_at_five_minutes_without_jitter() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0);
    List<Long> seconds =
        IntStream.rangeClosed(1, 12)
            .mapToObj(n -> backoff.delay(n, new Random(1)).toSeconds())
            .toList();
    assertThat(seconds)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L);
  }

  @Test
  void jitter_stays_within_its_spread_and_under_the_cap() {
    Backoff backoff = Backoff.defaults();
    Random random = new Random(42);
    for (int n = 1; n <= 40; n++) {
      long base = Math.min(300_000L, 1000L << Math.min(n - 1, 20));
      long ms = backoff.delay(n, random).toMillis();
      assertThat(ms).isBetween(Math.round(base * 0.8), Math.min(300_000L, Math.round(base * 1.2)));
    }
  }

  @Test
  void a_wait_the_receiver_asked_for_is_a_floor_and_the_maximum_a_ceiling() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0);
    Random random = new Random(1);
    assertThat(backoff.delay(3, random, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delay(3, random, Optional.of(Duration.ofSeconds(2))))
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delay(3, random, Optional.of(Duration.ofSeconds(30))))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delay(1, random, Optional.of(Duration.ofHours(1))))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.delay(1, random, Optional.of(Duration.ZERO)))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void survives_huge_failure_counts() {
    assertThat(Backoff.defaults().delay(Integer.MAX_VALUE, new Random(3)))
        .isLessThanOrEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void rejects_bad_parameters() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Backoff.defaults().delay(0, new Random()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
