package org.hexproof.poc.density;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InteractivityTest {
  private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
  private static final Duration WINDOW = Interactivity.HIP17_WINDOW;

  @Test
  void reciprocity_exactly_60_hours_ago_counts() {
    assertThat(Interactivity.isInteractive(Optional.of(NOW.minus(WINDOW)), NOW, WINDOW)).isTrue();
  }

  @Test
  void reciprocity_older_than_the_window_does_not_count() {
    Instant last = NOW.minus(WINDOW).minusMillis(1);
    assertThat(Interactivity.isInteractive(Optional.of(last), NOW, WINDOW)).isFalse();
  }

  @Test
  void no_reciprocity_ever_does_not_count() {
    assertThat(Interactivity.isInteractive(Optional.empty(), NOW, WINDOW)).isFalse();
  }

  @Test
  void the_window_is_a_parameter() {
    Instant last = NOW.minus(Duration.ofHours(2));
    assertThat(Interactivity.isInteractive(Optional.of(last), NOW, Duration.ofHours(1))).isFalse();
    assertThat(Interactivity.isInteractive(Optional.of(last), NOW, Duration.ofHours(3))).isTrue();
  }
}
