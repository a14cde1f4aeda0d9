package org.hexproof.core.epoch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.hexproof.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EpochTest {

  record Containing(
      String description,
      String instant,
      long lengthSeconds,
      long expectedIndex,
      String expectedStart) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Containing> epochs() {
    return Vectors.load("epochs.json", Containing.class).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("epochs")
  void finds_the_epoch_containing_an_instant(Containing v) {
    Duration length = Duration.ofSeconds(v.lengthSeconds());
    Instant instant = Instant.parse(v.instant());
    Instant expectedStart = Instant.parse(v.expectedStart());

    Epoch epoch = Epoch.containing(instant, length);

    assertThat(epoch.index()).isEqualTo(v.expectedIndex());
    assertThat(epoch.length()).isEqualTo(length);
    assertThat(epoch.start()).isEqualTo(expectedStart);
    assertThat(epoch.end()).isEqualTo(expectedStart.plus(length));
    assertThat(epoch.contains(instant)).isTrue();
  }

  @Test
  void day_0_starts_at_the_unix_epoch() {
    assertThat(Epoch.ofDay(0).start()).isEqualTo(Instant.parse("1970-01-01T00:00:00Z"));
    assertThat(Epoch.ofDay(0).end()).isEqualTo(Instant.parse("1970-01-02T00:00:00Z"));
  }

  @Test
  void day_containing_an_instant_is_unix_seconds_over_86400() {
    Instant instant = Instant.parse("2023-02-23T14:50:00Z");

    assertThat(Epoch.dayContaining(instant)).isEqualTo(Epoch.ofDay(19411));
    assertThat(Epoch.dayContaining(instant).index()).isEqualTo(instant.getEpochSecond() / 86_400);
  }

  @Test
  void start_is_inclusive_and_end_is_exclusive() {
    Epoch day = Epoch.ofDay(19411);

    assertThat(day.contains(day.start())).isTrue();
    assertThat(day.contains(day.end().minusNanos(1))).isTrue();
    assertThat(day.contains(day.end())).isFalse();
    assertThat(day.contains(day.start().minusNanos(1))).isFalse();
    assertThat(day.next().contains(day.end())).isTrue();
  }

  @Test
  void next_starts_where_this_one_ends() {
    Epoch epoch = new Epoch(7, Duration.ofMinutes(10));

    assertThat(epoch.next()).isEqualTo(new Epoch(8, Duration.ofMinutes(10)));
    assertThat(epoch.next().start()).isEqualTo(epoch.end());
  }

  @Test
  void previous_is_one_earlier_and_epoch_0_has_none() {
    assertThat(Epoch.ofDay(19411).previous()).contains(Epoch.ofDay(19410));
    assertThat(Epoch.ofDay(1).previous()).contains(Epoch.ofDay(0));
    assertThat(Epoch.ofDay(0).previous()).isEmpty();
  }

  @Test
  void custom_length_of_10_minutes_tiles_the_timeline() {
    Duration tenMinutes = Duration.ofMinutes(10);
    Epoch epoch = Epoch.containing(Instant.parse("1970-01-01T00:25:00Z"), tenMinutes);

    assertThat(epoch.index()).isEqualTo(2);
    assertThat(epoch.start()).isEqualTo(Instant.parse("1970-01-01T00:20:00Z"));
    assertThat(epoch.end()).isEqualTo(Instant.parse("1970-01-01T00:30:00Z"));
  }

  static Stream<Arguments> invalid_epochs() {
    return Stream.of(
        Arguments.of(-1L, Epoch.DAY, "index"),
        Arguments.of(0L, Duration.ZERO, "length"),
        Arguments.of(0L, Duration.ofSeconds(-1), "length"),
        Arguments.of(Long.MAX_VALUE, Epoch.DAY, "Instant.MAX"),
        Arguments.of(1L, Duration.ofSeconds(Long.MAX_VALUE), "Instant.MAX"));
  }

  @ParameterizedTest
  @MethodSource("invalid_epochs")
  void rejects_invalid_index_or_length(long index, Duration length, String named) {
    assertThatThrownBy(() -> new Epoch(index, length))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named);
  }

  @Test
  void rejects_null_length() {
    assertThatThrownBy(() -> new Epoch(0, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("length");
  }

  @Test
  void rejects_instants_before_the_unix_epoch() {
    assertThatThrownBy(() -> Epoch.dayContaining(Instant.parse("1969-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1969-12-31T23:59:59Z");
  }

  @Test
  void rejects_non_positive_length_when_finding_an_epoch() {
    assertThatThrownBy(() -> Epoch.containing(Instant.EPOCH, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length");
  }

  @Test
  void equals_and_hash_code_follow_index_and_length() {
    EqualsVerifier.forClass(Epoch.class)
        .withPrefabValuesForField("index", 0L, 19411L)
        .withPrefabValuesForField("length", Epoch.DAY, Duration.ofMinutes(10))
        .verify();
  }
}
