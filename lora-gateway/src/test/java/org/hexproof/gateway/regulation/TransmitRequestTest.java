package org.hexproof.gateway.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hexproof.gateway.regulation.Beacons.SF12_BEACON;
import static org.hexproof.gateway.regulation.Beacons.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransmitRequestTest {

  @Test
  void lora_requests_take_their_airtime_from_the_sx1276_formula() {
    TransmitRequest beacon = Beacons.sf12(867_900_000L, T0);

    assertThat(beacon.timeOnAir()).isEqualTo(SF12_BEACON);
    assertThat(beacon.end()).isEqualTo(Instant.parse("2026-01-01T00:00:02.465792Z"));
    assertThat(beacon.eirpDdbm()).isEqualTo(152); // 14 dBm + 1.2 dBi
    assertThat(beacon.startingAt(T0.plusSeconds(5)).start()).isEqualTo(T0.plusSeconds(5));
  }

  static Stream<Arguments> invalid() {
    Duration ms = Duration.ofMillis(1);
    return Stream.of(
        Arguments.of("zero frequency", 0L, ms, 14, 12, "frequency"),
        Arguments.of("zero airtime", 868_100_000L, Duration.ZERO, 14, 12, "time on air"),
        Arguments.of("negative airtime", 868_100_000L, ms.negated(), 14, 12, "time on air"),
        Arguments.of("power too high", 868_100_000L, ms, 51, 12, "conducted power"),
        Arguments.of("power too low", 868_100_000L, ms, -51, 12, "conducted power"),
        Arguments.of("gain too high", 868_100_000L, ms, 14, 301, "antenna gain"),
        Arguments.of("gain too low", 868_100_000L, ms, 14, -201, "antenna gain"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects_out_of_range_parts(
      String description, long hz, Duration toa, int power, int gain, String message) {
    assertThatThrownBy(() -> new TransmitRequest(hz, toa, T0, power, gain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void refusals_need_a_detail() {
    assertThatThrownBy(
            () -> new TransmitDecision.Refused(RefusalReason.OUTSIDE_PLAN, " ", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TransmitDecision.allowed().isAllowed()).isTrue();
  }
}
