package org.hexproof.fieldtests.rf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.hexproof.core.radio.LoraDataRate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("fleet")
class LinkBudgetTest {
  private static final long EU_868_1 = 868_100_000L;
  private static final RfEnvironment URBAN_NO_SHADOW =
      RfEnvironment.urban(1).withShadowingSigmaDb(0);

  private static Link link(String a, String b, double meters, double eirpDbm) {
    return new Link(a, b, meters, EU_868_1, eirpDbm, 0.0);
  }

  @Test
  void free_space_loss_at_one_metre_and_868_mhz_is_31_2_db() {
    assertThat(LinkBudget.freeSpacePathLossDb(1.0, 868_000_000L)).isCloseTo(31.21, within(0.01));
  }

  @Test
  void free_space_loss_matches_the_oracle_rssi_vector_of_poc_rules_3() {
    // tx 12 dBm, gains trunc(81/10) + trunc(83/10), 508 m, 867 900 024 Hz -> -57.334232963418515
    // (the oracle uses c = 2.998e8; the exact c moves the answer by 0.0006 dB)
    double expectedMax = 12 + 8 + 8 - LinkBudget.freeSpacePathLossDb(508, 867_900_024L);
    assertThat(expectedMax).isCloseTo(-57.334232963418515, within(0.001));
  }

  @Test
  void free_space_loss_grows_20_db_per_decade_of_distance_and_of_frequency() {
    double base = LinkBudget.freeSpacePathLossDb(100, 868_000_000L);
    assertThat(LinkBudget.freeSpacePathLossDb(1_000, 868_000_000L) - base)
        .isCloseTo(20.0, within(1e-9));
    assertThat(LinkBudget.freeSpacePathLossDb(100, 8_680_000_000L) - base)
        .isCloseTo(20.0, within(1e-9));
  }

  @ParameterizedTest
  @EnumSource(Terrain.class)
  void median_loss_grows_ten_n_db_per_decade_from_free_space_at_one_metre(Terrain terrain) {
    LinkBudget budget = new LinkBudget(terrain.environment(7));
    double n = budget.environment().pathLossExponent();

    assertThat(budget.medianPathLossDb(1.0, EU_868_1))
        .isEqualTo(LinkBudget.freeSpacePathLossDb(1.0, EU_868_1));
    assertThat(budget.medianPathLossDb(10_000, EU_868_1) - budget.medianPathLossDb(1_000, EU_868_1))
        .isCloseTo(10 * n, within(1e-9));
  }

  @Test
  void urban_median_loss_at_2_km_and_868_mhz_is_fspl_at_1_m_plus_35_log_2000() {
    LinkBudget budget = new LinkBudget(URBAN_NO_SHADOW);
    assertThat(budget.medianPathLossDb(2_000, 868_000_000L))
        .isCloseTo(31.21 + 35 * Math.log10(2_000), within(0.01));
  }

  @Test
  void shadowing_is_the_same_for_a_link_in_either_direction_and_in_every_run() {
    LinkBudget one = new LinkBudget(RfEnvironment.urban(42));
    LinkBudget again = new LinkBudget(RfEnvironment.urban(42));

    double ab = one.shadowingDb("AA555A0000000001", "AA555A0000000002");
    assertThat(one.shadowingDb("AA555A0000000002", "AA555A0000000001")).isEqualTo(ab);
    assertThat(again.shadowingDb("AA555A0000000001", "AA555A0000000002")).isEqualTo(ab);
    assertThat(one.shadowingDb("AA555A0000000001", "AA555A0000000003")).isNotEqualTo(ab);
    assertThat(
            new LinkBudget(RfEnvironment.urban(43))
                .shadowingDb("AA555A0000000001", "AA555A0000000002"))
        .isNotEqualTo(ab);
  }

  @Test
  void shadowing_over_many_links_has_mean_zero_and_the_configured_sigma() {
    LinkBudget budget = new LinkBudget(RfEnvironment.urban(2026));
    double[] draws =
        IntStream.range(0, 20_000).mapToDouble(i -> budget.shadowingDb("rx", "tx-" + i)).toArray();
    double mean =
        IntStream.range(0, draws.length).mapToDouble(i -> draws[i]).average().orElseThrow();
    double variance =
        IntStream.range(0, draws.length)
                .mapToDouble(i -> (draws[i] - mean) * (draws[i] - mean))
                .sum()
            / (draws.length - 1);
    long beyondTwoSigma =
        IntStream.range(0, draws.length).filter(i -> Math.abs(draws[i]) > 16).count();

    assertThat(mean).isCloseTo(0.0, within(0.3)); // standard error 8/√20000 ≈ 0.06 dB
    assertThat(Math.sqrt(variance)).isCloseTo(8.0, within(0.3));
    assertThat(beyondTwoSigma / (double) draws.length).isCloseTo(0.0455, within(0.01));
  }

  @Test
  void zero_sigma_turns_shadowing_off() {
    assertThat(new LinkBudget(URBAN_NO_SHADOW).shadowingDb("a", "b")).isZero();
  }

  @Property(tries = 300)
  void received_power_is_never_above_free_space(
      @ForAll @DoubleRange(min = 0.0, max = 100_000.0) double meters,
      @ForAll @StringLength(min = 1, max = 16) String a,
      @ForAll @StringLength(min = 1, max = 16) String b,
      @ForAll long seed,
      @ForAll @IntRange(min = -10, max = 36) int eirpDbm) {
    LinkBudget budget = new LinkBudget(RfEnvironment.urban(seed));
    Link link = new Link(a, b, meters, EU_868_1, eirpDbm, 3.0);

    double freeSpaceDbm = eirpDbm + 3.0 - LinkBudget.freeSpacePathLossDb(meters, EU_868_1);
    assertThat(budget.receivedPowerDbm(link)).isLessThanOrEqualTo(freeSpaceDbm);
    assertThat(budget.lora(link, LoraDataRate.parse("SF12BW125")).signal().rssiDbm())
        .isLessThanOrEqualTo((int) Math.max(-200, Math.min(0, Math.floor(freeSpaceDbm))));
  }

  @Test
  void the_clamp_to_free_space_engages_on_short_links_with_negative_shadowing() {
    LinkBudget budget = new LinkBudget(RfEnvironment.urban(5));
    long clamped =
        IntStream.range(0, 1_000)
            .filter(
                i ->
                    budget.pathLossDb(link("rx", "tx-" + i, 3.0, 14))
                        == LinkBudget.freeSpacePathLossDb(3.0, EU_868_1))
            .count();
    // at 3 m the urban median is (35 - 20)·log10(3) = 7.2 dB past free space: P(X < -7.2) = 18.5 %
    assertThat(clamped).isBetween(130L, 240L);
  }

  @Test
  void noise_floor_at_125_khz_with_a_6_db_noise_figure_is_minus_117_dbm() {
    assertThat(new LinkBudget(URBAN_NO_SHADOW).noiseFloorDbm(125_000))
        .isCloseTo(-117.03, within(0.01));
  }

  static Stream<Arguments> sx1272_bw125() {
    return Stream.of(
        Arguments.of(7, -124.0),
        Arguments.of(8, -127.0),
        Arguments.of(9, -130.0),
        Arguments.of(10, -133.0),
        Arguments.of(11, -135.0),
        Arguments.of(12, -137.0));
  }

  @ParameterizedTest
  @MethodSource("sx1272_bw125")
  void sensitivity_from_the_snr_floor_is_within_1_db_of_the_sx1272_table(
      int sf, double datasheetDbm) {
    LinkBudget budget = new LinkBudget(URBAN_NO_SHADOW);
    double sensitivity = budget.noiseFloorDbm(125_000) + LinkBudget.loraMinSnrDb(sf);
    assertThat(sensitivity).isCloseTo(datasheetDbm, within(1.0));
  }

  @Test
  void sf12_hears_at_2_km_urban_what_sf7_cannot() {
    LinkBudget budget = new LinkBudget(URBAN_NO_SHADOW);
    Link twoKm = link("beaconer", "witness", 2_000, 15);

    Reception sf12 = budget.lora(twoKm, LoraDataRate.parse("SF12BW125"));
    Reception sf7 = budget.lora(twoKm, LoraDataRate.parse("SF7BW125"));

    assertThat(sf12.snrDb()).isCloseTo(-14.7, within(0.1)).isEqualTo(sf7.snrDb());
    assertThat(sf12.demodulated()).isTrue();
    assertThat(sf7.demodulated()).isFalse();
    assertThat(sf12.signal().snrDb()).isEqualTo(-14.7);
    assertThat(sf12.signal().rssiDbm()).isEqualTo(-132); // ⌊-131.7⌋
  }

  @Test
  void a_frame_exactly_at_the_snr_floor_is_demodulated() {
    assertThat(new Reception(-137.0, -117.0, -20.0).demodulated()).isTrue();
    assertThat(new Reception(-137.01, -117.0, -20.0).demodulated()).isFalse();
  }

  @Test
  void wifi_floor_is_minus_91_dbm_for_1_mbps_beacons_with_a_6_db_noise_figure() {
    LinkBudget budget = new LinkBudget(URBAN_NO_SHADOW);
    Link near = new Link("ap", "scanner", 30, 2_437_000_000L, 20, 0);
    Link far = new Link("ap", "scanner", 300, 2_437_000_000L, 20, 0);

    assertThat(budget.wifi(near).sensitivityDbm()).isCloseTo(-91.0, within(0.02));
    assertThat(budget.wifi(near).powerDbm())
        .isCloseTo(20 - 40.2 - 35 * Math.log10(30), within(0.1));
    assertThat(budget.wifi(near).demodulated()).isTrue(); // ≈ -71.9 dBm
    assertThat(budget.wifi(far).demodulated()).isFalse(); // ≈ -106.9 dBm
  }

  @Test
  void reported_signal_saturates_within_the_signal_record_ranges() {
    assertThat(new Reception(12.3, -117, -20).signal().rssiDbm()).isZero();
    assertThat(new Reception(12.3, -117, -20).signal().snrDb()).isEqualTo(40.0);
    assertThat(new Reception(-250, -117, -20).signal().rssiDbm()).isEqualTo(-200);
  }
}
