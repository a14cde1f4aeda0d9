package org.hexproof.gateway.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hexproof.gateway.regulation.Beacons.SF12_BEACON;
import static org.hexproof.gateway.regulation.Beacons.SF9_BEACON;
import static org.hexproof.gateway.regulation.Beacons.T0;
import static org.hexproof.gateway.regulation.Beacons.sf12;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.hexproof.core.radio.DutyCycleBand;
import org.hexproof.core.radio.LoraAirtime;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.LoraModulation;
import org.hexproof.core.radio.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DutyCycleLedgerTest {
  private final MutableClock clock = new MutableClock(T0);
  private final DutyCycleLedger eu868 = DutyCycleLedger.etsi(Region.EU868, clock);

  /** Fills the band back to back from T0 until a beacon is refused; answers how many fitted. */
  private static int beaconsThatFit(DutyCycleLedger ledger, String dataRate, long hz) {
    int n = 0;
    Duration toa = Beacons.beacon(dataRate, hz, T0).timeOnAir();
    while (ledger
        .tryAcquire(Beacons.beacon(dataRate, hz, T0.plus(toa.multipliedBy(n))))
        .isAllowed()) {
      n++;
    }
    return n;
  }

  @Test
  void beacon_airtimes_match_the_sx1276_formula() {
    assertThat(time("SF12BW125")).isEqualTo(SF12_BEACON);
    assertThat(time("SF9BW125")).isEqualTo(SF9_BEACON);
    assertThat(time("SF10BW125")).isEqualTo(Beacons.SF10_52_BYTES);
  }

  private static Duration time(String dataRate) {
    return LoraAirtime.timeOnAir(LoraModulation.lorawanUplink(LoraDataRate.parse(dataRate)), 52)
        .duration();
  }

  @Test
  void admits_one_beacon_on_an_empty_ledger() {
    assertThat(eu868.tryAcquire(sf12(867_900_000L, T0))).isEqualTo(TransmitDecision.allowed());
  }

  @Test
  void refuses_the_fifteenth_back_to_back_beacon_until_the_first_expires() {
    // 1 % of 3600 s = 36 000 ms. 14 × 2465.792 = 34 521.088 ms fits; 15 × = 36 986.880 ms does
    // not. The first beacon ends at T0 + 2.465792 s and stops counting one hour later.
    for (int i = 0; i < 14; i++) {
      assertThat(eu868.tryAcquire(sf12(867_900_000L, T0.plus(SF12_BEACON.multipliedBy(i)))))
          .isEqualTo(TransmitDecision.allowed());
    }
    Instant fifteenth = T0.plus(SF12_BEACON.multipliedBy(14));
    Instant firstExpires = Instant.parse("2026-01-01T01:00:02.465792Z");

    TransmitDecision refused = eu868.tryAcquire(sf12(867_900_000L, fifteenth));

    assertThat(refused)
        .isEqualTo(
            new TransmitDecision.Refused(
                RefusalReason.DUTY_CYCLE_EXCEEDED,
                ((TransmitDecision.Refused) refused).detail(),
                Optional.of(firstExpires)));
    assertThat(((TransmitDecision.Refused) refused).detail())
        .contains("865–868 MHz", "1 %", "36000.000 ms per 3600 s window")
        .contains("34521.088 ms already used", "867.9 MHz needs 2465.792 ms")
        .contains("frees up at 2026-01-01T01:00:02.465792Z");

    clock.set(T0.plus(Duration.ofMinutes(30)));
    assertThat(eu868.check(sf12(867_900_000L, firstExpires.minusNanos(1))).isAllowed()).isFalse();
    assertThat(eu868.tryAcquire(sf12(867_900_000L, firstExpires)).isAllowed()).isTrue();
  }

  @Test
  void check_records_nothing() {
    for (int i = 0; i < 100; i++) {
      assertThat(eu868.check(sf12(867_900_000L, T0)).isAllowed()).isTrue();
    }
    assertThat(eu868.retainedEntries()).isZero();
  }

  static Stream<Arguments> beaconsPerBand() {
    return Stream.of(
        // budget / airtime, rounded down
        Arguments.of("863.5 MHz, 0.1 %: 3600 / 2465.792", "SF12BW125", 863_500_000L, 1),
        Arguments.of("867.9 MHz, 1 %: 36000 / 2465.792", "SF12BW125", 867_900_000L, 14),
        Arguments.of("868.1 MHz, 1 %: 36000 / 2465.792", "SF12BW125", 868_100_000L, 14),
        Arguments.of("868.8 MHz, 0.1 %: 3600 / 2465.792", "SF12BW125", 868_800_000L, 1),
        Arguments.of("869.525 MHz, 10 %: 360000 / 2465.792", "SF12BW125", 869_525_000L, 145),
        Arguments.of("869.8 MHz, 1 %: 36000 / 2465.792", "SF12BW125", 869_800_000L, 14),
        Arguments.of("867.9 MHz, 1 %: 36000 / 328.704 (SF9)", "SF9BW125", 867_900_000L, 109));
  }

  @ParameterizedTest(name = "{0} = {3}")
  @MethodSource("beaconsPerBand")
  void each_sub_band_admits_its_duty_cycle_share_of_the_hour(
      String description, String dataRate, long hz, int expected) {
    assertThat(beaconsThatFit(eu868, dataRate, hz)).isEqualTo(expected);
  }

  @Test
  void ten_percent_band_gets_ten_times_the_one_percent_budget() {
    DutyCycleBand one = Region.EU868.plan().dutyCycleBandOf(867_900_000L).orElseThrow();
    DutyCycleBand ten = Region.EU868.plan().dutyCycleBandOf(869_525_000L).orElseThrow();
    assertThat(eu868.budget(one)).isEqualTo(Duration.ofSeconds(36));
    assertThat(eu868.budget(ten)).isEqualTo(Duration.ofSeconds(360));
  }

  @Test
  void a_full_sub_band_does_not_block_its_neighbours() {
    // 867.x lies in 865–868 MHz, 868.1 in 868.0–868.6 MHz: separate budgets.
    assertThat(beaconsThatFit(eu868, "SF12BW125", 867_900_000L)).isEqualTo(14);
    assertThat(eu868.check(sf12(867_100_000L, T0)).isAllowed()).isFalse();
    assertThat(eu868.tryAcquire(sf12(868_100_000L, T0)).isAllowed()).isTrue();
    assertThat(beaconsThatFit(eu868, "SF12BW125", 868_500_000L)).isEqualTo(13);
  }

  @ParameterizedTest
  @MethodSource("gaps")
  void refuses_frequencies_between_sub_bands_as_outside_plan(long hz) {
    TransmitDecision decision = eu868.tryAcquire(sf12(hz, T0));

    assertThat(decision).isInstanceOf(TransmitDecision.Refused.class);
    TransmitDecision.Refused refused = (TransmitDecision.Refused) decision;
    assertThat(refused.reason()).isEqualTo(RefusalReason.OUTSIDE_PLAN);
    assertThat(refused.earliestAllowed()).isEmpty();
    assertThat(refused.detail()).contains("no duty-cycle sub-band of EU868");
  }

  static Stream<Long> gaps() {
    return Stream.of(868_600_000L, 868_650_000L, 869_300_000L, 869_675_000L, 870_000_000L);
  }

  @Test
  void regions_without_duty_cycle_bands_allow_everything() {
    DutyCycleLedger us915 = DutyCycleLedger.etsi(Region.US915, clock);
    for (int i = 0; i < 1000; i++) {
      assertThat(us915.tryAcquire(Beacons.beacon("SF9BW125", 903_900_000L, T0)).isAllowed())
          .isTrue();
    }
    assertThat(us915.retainedEntries()).isZero();
  }

  @Test
  void as923_accounts_one_percent_over_915_to_928_mhz() {
    DutyCycleLedger as923 = DutyCycleLedger.etsi(Region.AS923_1, clock);
    // 36000 / 328.704 = 109.5: 109 × 328.704 = 35 828.736 ms fits, 110 × = 36 157.44 ms does not.
    assertThat(beaconsThatFit(as923, "SF9BW125", 923_200_000L)).isEqualTo(109);
  }

  @Test
  void a_shorter_window_shrinks_budget_and_expiry_alike() {
    DutyCycleLedger tenMinutes = new DutyCycleLedger(Region.EU868, Duration.ofMinutes(10), clock);
    // 1 % of 600 s = 6000 ms: two beacons (4931.584 ms) fit, a third (7397.376 ms) does not.
    assertThat(beaconsThatFit(tenMinutes, "SF12BW125", 867_900_000L)).isEqualTo(2);

    TransmitDecision.Refused third =
        (TransmitDecision.Refused)
            tenMinutes.check(sf12(867_900_000L, T0.plus(SF12_BEACON.multipliedBy(2))));
    assertThat(third.earliestAllowed()).contains(T0.plus(SF12_BEACON).plus(Duration.ofMinutes(10)));
    assertThat(third.detail()).contains("6000.000 ms per 600 s window");
  }

  @Test
  void a_transmission_longer_than_the_whole_budget_never_fits() {
    // 0.1 % of 10 min = 600 ms < 2465.792 ms.
    DutyCycleLedger tenMinutes = new DutyCycleLedger(Region.EU868, Duration.ofMinutes(10), clock);

    TransmitDecision.Refused refused =
        (TransmitDecision.Refused) tenMinutes.tryAcquire(sf12(868_800_000L, T0));

    assertThat(refused.reason()).isEqualTo(RefusalReason.DUTY_CYCLE_EXCEEDED);
    assertThat(refused.earliestAllowed()).isEmpty();
    assertThat(refused.detail()).contains("never fits");
  }

  @Test
  void an_earlier_transmission_is_checked_against_later_ones_already_booked() {
    Instant later = T0.plus(Duration.ofMinutes(50));
    for (int i = 0; i < 14; i++) {
      assertThat(eu868.tryAcquire(sf12(867_900_000L, later.plus(SF12_BEACON.multipliedBy(i)))))
          .isEqualTo(TransmitDecision.allowed());
    }

    TransmitDecision.Refused refused =
        (TransmitDecision.Refused) eu868.tryAcquire(sf12(867_900_000L, T0));

    // Any hour starting before T0 + 2.47 s reaches the booked beacons; the first of them stops
    // counting an hour after it ends.
    assertThat(refused.earliestAllowed())
        .contains(later.plus(SF12_BEACON).plus(Duration.ofHours(1)));
  }

  @Test
  void forgets_transmissions_two_windows_after_they_end() {
    beaconsThatFit(eu868, "SF12BW125", 867_900_000L);
    assertThat(eu868.retainedEntries()).isEqualTo(14);

    clock.set(T0.plus(SF12_BEACON.multipliedBy(14)).plus(Duration.ofHours(2)));
    eu868.tryAcquire(sf12(867_900_000L, clock.instant()));

    assertThat(eu868.retainedEntries()).isEqualTo(1);
  }

  @Test
  void reports_airtime_used_in_a_window() {
    beaconsThatFit(eu868, "SF12BW125", 867_900_000L);
    DutyCycleBand band = Region.EU868.plan().dutyCycleBandOf(867_900_000L).orElseThrow();

    assertThat(eu868.airtimeUsed(band, T0)).isEqualTo(SF12_BEACON.multipliedBy(14));
    assertThat(eu868.airtimeUsed(band, T0.plus(SF12_BEACON)))
        .isEqualTo(SF12_BEACON.multipliedBy(13));
    assertThat(eu868.airtimeUsed(band, T0.plus(Duration.ofHours(1)))).isZero();
  }

  @Test
  void rejects_starts_more_than_a_window_away_from_now() {
    assertThatThrownBy(() -> eu868.check(sf12(867_900_000L, T0.plus(Duration.ofMinutes(61)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("within one window");
    assertThatThrownBy(() -> eu868.check(sf12(867_900_000L, T0.minus(Duration.ofMinutes(61)))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @MethodSource("badWindows")
  void rejects_windows_outside_zero_to_a_day(Duration window) {
    assertThatThrownBy(() -> new DutyCycleLedger(Region.EU868, window, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duty-cycle window");
  }

  static Stream<Duration> badWindows() {
    return Stream.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofHours(25));
  }
}
