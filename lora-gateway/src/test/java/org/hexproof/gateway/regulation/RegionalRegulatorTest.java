package org.hexproof.gateway.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hexproof.gateway.regulation.Beacons.SF12_BEACON;
import static org.hexproof.gateway.regulation.Beacons.T0;
import static org.hexproof.gateway.regulation.Beacons.sf12;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.hexproof.core.radio.ChannelPlan;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.LoraModulation;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.core.radio.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegionalRegulatorTest {
  private final MutableClock clock = new MutableClock(T0);

  private RegionalRegulator regulator(Region region) {
    return RegionalRegulator.etsi(region, clock);
  }

  static Stream<Arguments> oneRuleBroken() {
    return Stream.of(
        Arguments.of(
            "EU868 beacon below 863 MHz",
            Region.EU868,
            sf12(862_900_000L, T0),
            RefusalReason.OUTSIDE_PLAN),
        Arguments.of(
            "EU868 beacon between sub-bands (868.6–868.7 MHz)",
            Region.EU868,
            sf12(868_650_000L, T0),
            RefusalReason.OUTSIDE_PLAN),
        Arguments.of(
            "US915 beacon on an EU868 channel",
            Region.US915,
            Beacons.beacon("SF9BW125", 868_100_000L, T0),
            RefusalReason.OUTSIDE_PLAN),
        Arguments.of(
            "EU868 beacon at 15 dBm + 1.2 dBi = 16.2 dBm > 16.1",
            Region.EU868,
            TransmitRequest.lora(
                867_900_000L,
                LoraModulation.lorawanUplink(LoraDataRate.parse("SF12BW125")),
                52,
                T0,
                15,
                12),
            RefusalReason.EIRP_EXCEEDED),
        Arguments.of(
            "US915 SF10 52-byte packet, 616.448 ms > 400 ms",
            Region.US915,
            Beacons.beacon("SF10BW125", 903_900_000L, T0),
            RefusalReason.DWELL_TIME_EXCEEDED),
        Arguments.of(
            "EU868 SF12 packet of 36.1 s in a 1 % band",
            Region.EU868,
            new TransmitRequest(867_900_000L, Duration.ofMillis(36_100), T0, 14, 12),
            RefusalReason.DUTY_CYCLE_EXCEEDED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneRuleBroken")
  void every_refusal_reason_is_reachable(
      String description, Region region, TransmitRequest request, RefusalReason reason) {
    TransmitDecision decision = regulator(region).decide(request);

    assertThat(decision).isInstanceOf(TransmitDecision.Refused.class);
    assertThat(((TransmitDecision.Refused) decision).reason()).isEqualTo(reason);
  }

  @Test
  void every_reason_has_a_case() {
    assertThat(oneRuleBroken().map(a -> a.get()[3]).distinct())
        .containsExactlyInAnyOrder((Object[]) RefusalReason.values());
  }

  static Stream<Arguments> heliumBeacons() {
    return Arrays.stream(Region.values())
        .filter(r -> r.plan().technology() == RadioTechnology.LORA)
        .flatMap(r -> Stream.of(0, 12, 30, 60).map(gain -> Arguments.of(r, gain)));
  }

  @ParameterizedTest(name = "{0}, {1} ddBi")
  @MethodSource("heliumBeacons")
  void a_helium_beacon_at_helium_power_passes_on_every_channel(Region region, int gainDdbi) {
    ChannelPlan plan = region.plan();
    LoraDataRate dataRate = LoraDataRate.fromProto(plan.dataRateFor(52)).orElseThrow();
    int powerDbm = plan.conductedPowerDbm(gainDdbi); // trunc((max_eirp − gain) / 10)
    RegionalRegulator regulator = regulator(region);

    for (long hz : plan.channelsHz()) {
      TransmitRequest beacon =
          TransmitRequest.lora(
              hz, LoraModulation.lorawanUplink(dataRate), 52, T0, powerDbm, gainDdbi);
      assertThat(regulator.decide(beacon))
          .as("%s %d Hz", region, hz)
          .isEqualTo(TransmitDecision.allowed());
    }
  }

  static Stream<Arguments> eirp() {
    return Stream.of(
        // region, conducted dBm, gain ddBi, allowed; max_eirp EU868 161, US915 360, AS923 160
        Arguments.of(Region.EU868, 14, 12, true), // 152
        Arguments.of(Region.EU868, 16, 1, true), // 161: exactly the limit
        Arguments.of(Region.EU868, 16, 2, false), // 162
        Arguments.of(Region.EU868, -1, 175, false), // trunc((161 − 175)/10) = −1 → 165
        Arguments.of(Region.US915, 30, 60, true), // 360
        Arguments.of(Region.US915, 30, 61, false), // 361
        Arguments.of(Region.AS923_2, 16, 0, true), // 160
        Arguments.of(Region.WIFI_2G4, 20, 1, false)); // 201 > 200
  }

  @ParameterizedTest(name = "{0}: {1} dBm + {2} ddBi → allowed={3}")
  @MethodSource("eirp")
  void refuses_eirp_above_the_plan_maximum(
      Region region, int powerDbm, int gainDdbi, boolean allowed) {
    long hz = region.plan().channelsHz().get(0);
    TransmitRequest request =
        new TransmitRequest(hz, Duration.ofMillis(100), T0, powerDbm, gainDdbi);

    TransmitDecision decision = regulator(region).check(request);

    assertThat(decision.isAllowed()).isEqualTo(allowed);
    if (!allowed) {
      assertThat(((TransmitDecision.Refused) decision).reason())
          .isEqualTo(RefusalReason.EIRP_EXCEEDED);
    }
  }

  @Test
  void names_the_eirp_and_the_power_that_would_pass() {
    TransmitDecision.Refused refused =
        (TransmitDecision.Refused)
            regulator(Region.EU868)
                .check(new TransmitRequest(867_900_000L, Duration.ofMillis(1), T0, -1, 175));

    assertThat(refused.detail())
        .isEqualTo(
            "EIRP 16.5 dBm (-1 dBm conducted + 17.5 dBi) exceeds the EU868 maximum of 16.1 dBm;"
                + " at most -2 dBm conducted with this antenna");
    assertThat(refused.earliestAllowed()).isEmpty();
  }

  @Test
  void the_first_broken_rule_wins() {
    // Outside the band, too loud and too long at once: the band edge is reported.
    TransmitRequest everythingWrong =
        new TransmitRequest(930_000_000L, Duration.ofSeconds(2), T0, 40, 60);

    TransmitDecision.Refused refused =
        (TransmitDecision.Refused) regulator(Region.US915).decide(everythingWrong);

    assertThat(refused.reason()).isEqualTo(RefusalReason.OUTSIDE_PLAN);
    assertThat(refused.detail()).isEqualTo("930 MHz is outside the US915 band 902–928 MHz");
  }

  @Test
  void decide_records_airtime_and_check_does_not() {
    RegionalRegulator eu868 = regulator(Region.EU868);
    for (int i = 0; i < 20; i++) {
      assertThat(eu868.check(sf12(867_900_000L, T0)).isAllowed()).isTrue();
    }
    for (int i = 0; i < 14; i++) {
      assertThat(eu868.decide(sf12(867_900_000L, T0.plus(SF12_BEACON.multipliedBy(i)))).isAllowed())
          .isTrue();
    }

    TransmitDecision.Refused refused =
        (TransmitDecision.Refused)
            eu868.decide(sf12(867_900_000L, T0.plus(SF12_BEACON.multipliedBy(14))));

    assertThat(refused.reason()).isEqualTo(RefusalReason.DUTY_CYCLE_EXCEEDED);
    assertThat(refused.earliestAllowed()).contains(T0.plus(SF12_BEACON).plus(Duration.ofHours(1)));
  }

  @Test
  void a_refused_transmission_spends_no_airtime() {
    RegionalRegulator us915 = regulator(Region.US915);
    RegionalRegulator eu868 = regulator(Region.EU868);

    eu868.decide(new TransmitRequest(867_900_000L, Duration.ofSeconds(1), T0, 20, 12)); // EIRP
    assertThat(us915.decide(Beacons.beacon("SF10BW125", 903_900_000L, T0)).isAllowed()).isFalse();

    assertThat(beaconsAdmitted(eu868)).isEqualTo(14);
  }

  private static int beaconsAdmitted(RegionalRegulator regulator) {
    int n = 0;
    while (regulator.decide(sf12(867_900_000L, T0.plus(SF12_BEACON.multipliedBy(n)))).isAllowed()) {
      n++;
    }
    return n;
  }

  @Test
  void wifi_has_no_duty_cycle() {
    RegionalRegulator wifi = regulator(Region.WIFI_2G4);
    for (int i = 0; i < 1000; i++) {
      assertThat(
              wifi.decide(new TransmitRequest(2_412_000_000L, Duration.ofSeconds(10), T0, 20, 0)))
          .isEqualTo(TransmitDecision.allowed());
    }
    assertThat(
            wifi.decide(new TransmitRequest(2_500_000_000L, Duration.ofMillis(1), T0, 20, 0))
                .isAllowed())
        .isFalse();
  }
}
