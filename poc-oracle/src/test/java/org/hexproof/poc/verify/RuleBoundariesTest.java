package org.hexproof.poc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hexproof.core.geo.H3Cell;
import org.junit.jupiter.api.Test;

/** Each constant of helium-iot-2025 at its edge: the limit passes, one unit past it fails. */
class RuleBoundariesTest {
  private static final RuleProfile HELIUM = RuleProfile.heliumIot2025();
  private static final Instant BEACON = Instant.parse("2023-02-23T14:50:00Z");

  @Test
  void frequency_delta_of_exactly_100_khz_passes_and_100001_hz_fails() {
    assertThat(WitnessRules.frequency(867_900_000L, 868_000_000L, 100_000L)).isEmpty();
    assertThat(WitnessRules.frequency(867_900_000L, 867_800_000L, 100_000L)).isEmpty();
    assertThat(WitnessRules.frequency(867_900_000L, 868_000_001L, 100_000L))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo(InvalidReason.INVALID_FREQUENCY);
  }

  @Test
  void witness_4000_ms_after_the_beacon_passes_and_4001_ms_fails() {
    Instant first = BEACON.plusMillis(10);
    assertThat(WitnessRules.notTooLate(BEACON, first, BEACON.plusMillis(4000), HELIUM)).isEmpty();
    assertThat(WitnessRules.notTooLate(BEACON, first, BEACON.plusMillis(4001), HELIUM))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo(InvalidReason.TOO_LATE);
  }

  @Test
  void beacon_received_at_the_same_instant_as_the_first_witness_uses_the_beacon_limit() {
    assertThat(WitnessRules.notTooLate(BEACON, BEACON, BEACON.plusMillis(4000), HELIUM)).isEmpty();
  }

  @Test
  void witness_1500_ms_after_an_earlier_first_witness_passes_and_1501_ms_fails() {
    Instant first = BEACON.minusMillis(200);
    assertThat(WitnessRules.notTooLate(BEACON, first, first.plusMillis(1500), HELIUM)).isEmpty();
    assertThat(WitnessRules.notTooLate(BEACON, first, first.plusMillis(1501), HELIUM)).isPresent();
  }

  @Test
  void eight_cells_apart_passes_and_seven_fails() {
    H3Cell beaconer = PocFixture.BEACONER_CELL;
    H3Cell parent = beaconer.parent(11);
    H3Cell seven = ringCell(parent, 7);
    H3Cell eight = ringCell(parent, 8);

    assertThat(GeometryRules.minDistance(beaconer, eight, HELIUM)).isEmpty();
    assertThat(GeometryRules.minDistance(beaconer, seven, HELIUM))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo(InvalidReason.BELOW_MIN_DISTANCE);
    assertThat(GeometryRules.minDistance(beaconer, PocFixture.SEVEN_CELLS_AWAY, HELIUM))
        .isPresent();
  }

  @Test
  void a_location_coarser_than_the_parent_resolution_is_below_min_distance() {
    H3Cell coarse = PocFixture.WITNESS_CELL.parent(8);
    assertThat(GeometryRules.minDistance(PocFixture.BEACONER_CELL, coarse, HELIUM))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo(InvalidReason.BELOW_MIN_DISTANCE);
  }

  @Test
  void distance_100999_m_passes_and_101000_m_fails() {
    assertThat(GeometryRules.maxDistance(100_999L, 100)).isEmpty();
    assertThat(GeometryRules.maxDistance(101_000L, 100))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo(InvalidReason.MAX_DISTANCE_EXCEEDED);
  }

  @Test
  void beaconer_reciprocity_needs_a_witness_strictly_within_48_hours() {
    Duration window = HELIUM.reciprocityWindow();
    Instant justInside = BEACON.minus(window).plusMillis(1);
    assertThat(ReciprocityRules.beaconerReciprocity(Optional.of(justInside), BEACON, window))
        .isEmpty();
    assertThat(
            ReciprocityRules.beaconerReciprocity(Optional.of(BEACON.minus(window)), BEACON, window))
        .get()
        .extracting(Rejection::reason, Rejection::side)
        .containsExactly(InvalidReason.GATEWAY_NO_VALID_WITNESSES, ParticipantSide.BEACONER);
    assertThat(ReciprocityRules.beaconerReciprocity(Optional.empty(), BEACON, window)).isPresent();
  }

  @Test
  void witness_reciprocity_needs_a_witnessed_beacon_strictly_within_48_hours() {
    Duration window = HELIUM.reciprocityWindow();
    assertThat(
            ReciprocityRules.witnessReciprocity(
                Optional.of(BEACON.minus(window).plusMillis(1)), BEACON, window))
        .isEmpty();
    assertThat(
            ReciprocityRules.witnessReciprocity(Optional.of(BEACON.minus(window)), BEACON, window))
        .get()
        .extracting(Rejection::reason, Rejection::side)
        .containsExactly(InvalidReason.GATEWAY_NO_VALID_BEACONS, ParticipantSide.WITNESS);
  }

  @Test
  void beacon_at_05_59_59_is_in_the_midnight_bucket_and_06_00_00_starts_the_next() {
    Optional<Instant> last = Optional.of(Instant.parse("2023-02-23T00:00:00Z"));
    Duration interval = HELIUM.beaconInterval();
    assertThat(
            BeaconRules.beaconSchedule(last, Instant.parse("2023-02-23T05:59:59.999Z"), interval))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo(InvalidReason.IRREGULAR_INTERVAL);
    assertThat(BeaconRules.beaconSchedule(last, Instant.parse("2023-02-23T06:00:00Z"), interval))
        .isEmpty();
  }

  @Test
  void a_last_beacon_late_in_a_bucket_still_allows_one_right_after_the_boundary() {
    Optional<Instant> last = Optional.of(Instant.parse("2023-02-23T17:59:59Z"));
    assertThat(
            BeaconRules.beaconSchedule(
                last, Instant.parse("2023-02-23T18:00:00Z"), HELIUM.beaconInterval()))
        .isEmpty();
  }

  @Test
  void no_previous_beacon_passes_the_schedule() {
    assertThat(BeaconRules.beaconSchedule(Optional.empty(), BEACON, HELIUM.beaconInterval()))
        .isEmpty();
  }

  @Test
  void entropy_window_includes_its_start_and_start_plus_180_s_in_whole_seconds() {
    Instant start = Instant.ofEpochSecond(1_677_163_710L);
    Duration life = HELIUM.entropyLifespan();
    ParticipantSide side = ParticipantSide.BEACONER;
    assertThat(CommonRules.entropyWindow(start, start, life, side)).isEmpty();
    assertThat(CommonRules.entropyWindow(start.plusSeconds(180), start, life, side)).isEmpty();
    assertThat(CommonRules.entropyWindow(start.plusMillis(180_999), start, life, side)).isEmpty();
    assertThat(CommonRules.entropyWindow(start.plusSeconds(181), start, life, side)).isPresent();
    assertThat(CommonRules.entropyWindow(start.minusMillis(1), start, life, side))
        .get()
        .extracting(Rejection::reason)
        .isEqualTo(InvalidReason.ENTROPY_EXPIRED);
  }

  @Test
  void entropy_start_milliseconds_are_ignored() {
    Instant start = Instant.ofEpochSecond(1_677_163_710L).plusMillis(900);
    Duration life = HELIUM.entropyLifespan();
    assertThat(
            CommonRules.entropyWindow(
                Instant.ofEpochSecond(1_677_163_710L), start, life, ParticipantSide.WITNESS))
        .isEmpty();
  }

  @Test
  void profile_rejects_a_beacon_interval_that_does_not_divide_a_day() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new RuleProfile(
                    "bad",
                    HELIUM.entropyLifespan(),
                    Duration.ofHours(7),
                    HELIUM.maxBeaconToWitnessLag(),
                    HELIUM.maxWitnessLag(),
                    HELIUM.maxFrequencyDeltaHz(),
                    11,
                    8,
                    100,
                    HELIUM.reciprocityWindow(),
                    14,
                    4,
                    HELIUM.rewardDecayRate(),
                    HELIUM.rewardUnitCap(),
                    4,
                    HELIUM.speedOfLightMps()))
        .withMessageContaining("dividing 24 h");
  }

  private static H3Cell ringCell(H3Cell center, int k) {
    return center.disk(k).stream()
        .filter(c -> c.gridDistance(center).orElse(-1) == k)
        .findFirst()
        .orElseThrow();
  }
}
