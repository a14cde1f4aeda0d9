package org.hexproof.gateway.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.gateway.regulation.Beacons.T0;

import java.time.Duration;
import java.util.stream.Stream;
import org.hexproof.core.radio.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DwellTimePolicyTest {

  static Stream<Arguments> beacons() {
    return Stream.of(
        // region, datarate, first channel, airtime of 52 bytes (Beacons), allowed under 400 ms?
        Arguments.of(Region.US915, "SF9BW125", 903_900_000L, true), // 328.704 ms
        Arguments.of(Region.US915, "SF10BW125", 903_900_000L, false), // 616.448 ms
        Arguments.of(Region.AU915, "SF9BW125", 916_800_000L, true),
        Arguments.of(Region.AU915, "SF12BW125", 916_800_000L, false), // 2465.792 ms
        Arguments.of(Region.AS923_1, "SF9BW125", 923_200_000L, true),
        Arguments.of(Region.AS923_3, "SF10BW125", 916_600_000L, false),
        Arguments.of(Region.EU868, "SF12BW125", 867_900_000L, true)); // no dwell time
  }

  @ParameterizedTest(name = "{0} {1}: allowed={3}")
  @MethodSource("beacons")
  void limits_a_single_transmission_to_the_region_dwell_time(
      Region region, String dataRate, long hz, boolean allowed) {
    TransmitDecision decision = new DwellTimePolicy(region).check(Beacons.beacon(dataRate, hz, T0));

    assertThat(decision.isAllowed()).isEqualTo(allowed);
    if (!allowed) {
      TransmitDecision.Refused refused = (TransmitDecision.Refused) decision;
      assertThat(refused.reason()).isEqualTo(RefusalReason.DWELL_TIME_EXCEEDED);
      assertThat(refused.earliestAllowed()).isEmpty();
      assertThat(refused.detail()).contains("400.000 ms dwell time of " + region.displayName());
    }
  }

  @Test
  void names_the_airtime_against_the_limit() {
    TransmitDecision.Refused refused =
        (TransmitDecision.Refused)
            new DwellTimePolicy(Region.US915).check(Beacons.beacon("SF10BW125", 903_900_000L, T0));

    assertThat(refused.detail())
        .startsWith(
            "time on air 616.448 ms on 903.9 MHz exceeds the 400.000 ms dwell time of US915");
  }

  static Stream<Arguments> edges() {
    return Stream.of(
        Arguments.of(Duration.ofMillis(400), true),
        Arguments.of(Duration.ofMillis(400).plusNanos(1_000), false),
        Arguments.of(Duration.ofNanos(1_000), true));
  }

  @ParameterizedTest(name = "{0}: allowed={1}")
  @MethodSource("edges")
  void a_transmission_exactly_as_long_as_the_limit_passes(Duration toa, boolean allowed) {
    TransmitRequest request = new TransmitRequest(903_900_000L, toa, T0, 20, 30);
    assertThat(new DwellTimePolicy(Region.US915).check(request).isAllowed()).isEqualTo(allowed);
  }

  @Test
  void eu868_and_wifi_have_no_dwell_time() {
    assertThat(new DwellTimePolicy(Region.EU868).limit()).isEmpty();
    assertThat(new DwellTimePolicy(Region.WIFI_2G4).limit()).isEmpty();
    TransmitRequest hourLong = new TransmitRequest(2_412_000_000L, Duration.ofHours(1), T0, 20, 0);
    assertThat(new DwellTimePolicy(Region.WIFI_2G4).check(hourLong).isAllowed()).isTrue();
  }
}
