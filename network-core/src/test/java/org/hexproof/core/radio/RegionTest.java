package org.hexproof.core.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.hexproof.core.proto.DataRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RegionTest {

  /** First channel, max EIRP and beacon datarate per region (radio.md §2.2). */
  static Stream<Arguments> helium_region_params() {
    return Stream.of(
        Arguments.of(Region.EU868, 867_100_000L, 868_500_000L, 161, DataRate.SF12BW125),
        Arguments.of(Region.US915, 903_900_000L, 905_300_000L, 360, DataRate.SF9BW125),
        Arguments.of(Region.AU915, 916_800_000L, 918_200_000L, 300, DataRate.SF9BW125),
        Arguments.of(Region.AS923_1, 923_200_000L, 924_600_000L, 160, DataRate.SF9BW125),
        Arguments.of(Region.AS923_2, 921_400_000L, 922_800_000L, 160, DataRate.SF9BW125),
        Arguments.of(Region.AS923_3, 916_600_000L, 918_000_000L, 160, DataRate.SF9BW125),
        Arguments.of(Region.AS923_4, 917_300_000L, 918_700_000L, 160, DataRate.SF9BW125));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helium_region_params")
  void lora_plans_match_helium_region_params(
      Region region, long firstHz, long lastHz, int maxEirpDdbm, DataRate beaconRate) {
    ChannelPlan plan = region.plan();
    assertThat(plan.technology()).isEqualTo(RadioTechnology.LORA);
    assertThat(plan.channelsHz()).hasSize(8).startsWith(firstHz).endsWith(lastHz);
    for (int i = 1; i < 8; i++) {
      assertThat(plan.channelsHz().get(i) - plan.channelsHz().get(i - 1)).isEqualTo(200_000L);
    }
    assertThat(plan.bandwidthHz()).isEqualTo(125_000L);
    assertThat(plan.maxEirpDdbm()).isEqualTo(maxEirpDdbm);
    assertThat(plan.dataRateFor(51)).isEqualTo(beaconRate);
  }

  @Test
  void size_table_picks_the_first_row_that_carries_the_packet() {
    ChannelPlan us = Region.US915.plan();
    assertThat(us.dataRateFor(11)).isEqualTo(DataRate.SF10BW125);
    assertThat(us.dataRateFor(25)).isEqualTo(DataRate.SF10BW125);
    assertThat(us.dataRateFor(26)).isEqualTo(DataRate.SF9BW125);
    assertThat(us.dataRateFor(140)).isEqualTo(DataRate.SF7BW125);
    ChannelPlan au = Region.AU915.plan();
    assertThat(au.dataRateFor(20)).isEqualTo(DataRate.SF12BW125);
    ChannelPlan eu = Region.EU868.plan();
    assertThat(eu.dataRateFor(200)).isEqualTo(DataRate.SF8BW125);
    assertThatThrownBy(() -> eu.dataRateFor(239)).hasMessageContaining("carries 239 bytes");
  }

  @Test
  void conducted_power_truncates_eirp_minus_gain() {
    // EU868: 16.1 dBm EIRP; 1.2 dBi antenna -> trunc(14.9) = 14 dBm
    assertThat(Region.EU868.plan().conductedPowerDbm(12)).isEqualTo(14);
    // US915: 36 dBm EIRP; 8 dBi antenna -> 28 dBm
    assertThat(Region.US915.plan().conductedPowerDbm(80)).isEqualTo(28);
    assertThat(Region.EU868.plan().conductedPowerDbm(0)).isEqualTo(16);
  }

  @Test
  void eu868_beacon_channels_fall_in_one_percent_sub_bands() {
    ChannelPlan eu = Region.EU868.plan();
    for (long hz : eu.channelsHz()) {
      assertThat(eu.dutyCycleBandOf(hz))
          .get()
          .extracting(DutyCycleBand::basisPoints)
          .isEqualTo(100);
    }
    assertThat(eu.dutyCycleBandOf(869_525_000L))
        .get()
        .extracting(DutyCycleBand::basisPoints)
        .isEqualTo(1000);
    assertThat(eu.dutyCycleBandOf(864_000_000L))
        .get()
        .extracting(DutyCycleBand::basisPoints)
        .isEqualTo(10);
    assertThat(eu.dutyCycleBandOf(869_300_000L)).isEmpty();
    assertThat(eu.dwellTime()).isEmpty();
  }

  @Test
  void americas_and_asia_pacific_limit_dwell_time_to_400_ms() {
    assertThat(Region.US915.plan().dwellTime()).contains(Duration.ofMillis(400));
    assertThat(Region.AU915.plan().dwellTime()).contains(Duration.ofMillis(400));
    assertThat(Region.AS923_1.plan().dwellTime()).contains(Duration.ofMillis(400));
    assertThat(Region.US915.plan().dutyCycleBands()).isEmpty();
  }

  @Test
  void wifi_plan_has_channels_1_to_13() {
    ChannelPlan wifi = Region.WIFI_2G4.plan();
    assertThat(wifi.technology()).isEqualTo(RadioTechnology.WIFI);
    assertThat(wifi.channelsHz()).hasSize(13);
    assertThat(wifi.channelsHz().get(0)).isEqualTo(2_412_000_000L);
    assertThat(wifi.channelsHz().get(5)).isEqualTo(2_437_000_000L);
    assertThat(wifi.channelsHz().get(12)).isEqualTo(2_472_000_000L);
    assertThat(wifi.dataRateFor(51)).isEqualTo(DataRate.WIFI_2G4);
  }

  @ParameterizedTest
  @EnumSource(Region.class)
  void names_and_wire_values_round_trip(Region region) {
    assertThat(Region.parse(region.displayName())).isEqualTo(region);
    assertThat(Region.parse(region.displayName().toLowerCase().replace('-', '_')))
        .isEqualTo(region);
    assertThat(Region.fromProto(region.toProto())).contains(region);
  }

  @Test
  void wire_regions_are_distinct_and_unspecified_maps_to_none() {
    assertThat(Arrays.stream(Region.values()).map(Region::toProto).distinct())
        .hasSize(Region.values().length);
    assertThat(Region.fromProto(org.hexproof.core.proto.Region.REGION_UNSPECIFIED)).isEmpty();
  }

  @Test
  void plain_as923_means_as923_1_and_unknown_names_list_the_choices() {
    assertThat(Region.parse("AS923")).isEqualTo(Region.AS923_1);
    assertThatThrownBy(() -> Region.parse("CN470"))
        .hasMessageContaining("expected one of EU868, US915")
        .hasMessageContaining("got \"CN470\"");
  }

  @Test
  void channel_seed_selects_modulo_the_channel_count() {
    ChannelPlan eu = Region.EU868.plan();
    assertThat(eu.channelFor(0)).isEqualTo(867_100_000L);
    assertThat(eu.channelFor(8 * 1000 + 4)).isEqualTo(867_900_000L);
    assertThat(eu.channelFor(65_535)).isEqualTo(868_500_000L);
    assertThatThrownBy(() -> eu.channelFor(65_536)).hasMessageContaining("expected 0..65535");
  }
}
