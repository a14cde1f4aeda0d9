package org.hexproof.poc.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.hexproof.core.radio.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RuleProfilesTest {
  private static HotspotInfo in(Region region) {
    return new HotspotInfo(
        "hotspot",
        Optional.empty(),
        region,
        12,
        5,
        Capability.FULL,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  @ParameterizedTest
  @EnumSource(Region.class)
  void a_beacon_is_judged_by_the_profile_of_its_beaconers_radio(Region region) {
    RuleProfiles helium = RuleProfiles.helium();
    RuleProfile expected =
        region == Region.WIFI_2G4 ? RuleProfile.wifi() : RuleProfile.heliumIot2025();
    assertThat(helium.forRegion(region)).isEqualTo(expected);
    assertThat(helium.forBeaconer(Optional.of(in(region)))).isEqualTo(expected);
  }

  @Test
  void an_unknown_beaconer_gets_the_lora_profile() {
    assertThat(RuleProfiles.helium().forBeaconer(Optional.empty()))
        .isEqualTo(RuleProfile.heliumIot2025());
  }

  @Test
  void the_wifi_profile_is_helium_with_the_wifi_radio_constants() {
    RuleProfile wifi = RuleProfile.wifi();
    RuleProfile helium = RuleProfile.heliumIot2025();
    assertThat(wifi.maxFrequencyDeltaHz()).isZero();
    assertThat(wifi.maxDistanceKm()).isEqualTo(2);
    assertThat(wifi.minDistanceParentResolution()).isEqualTo(12);
    assertThat(wifi.minDistanceCells()).isEqualTo(4);
    assertThat(wifi.withWifiRadio(helium.name()).withMaxWitnesses(helium.maxWitnesses()))
        .isEqualTo(helium.withWifiRadio(helium.name()));
    assertThat(wifi.entropyLifespan()).isEqualTo(helium.entropyLifespan());
    assertThat(wifi.beaconInterval()).isEqualTo(helium.beaconInterval());
    assertThat(wifi.reciprocityWindow()).isEqualTo(helium.reciprocityWindow());
    assertThat(wifi.rewardDecayRate()).isEqualTo(helium.rewardDecayRate());
  }

  @Test
  void a_network_with_its_own_schedule_keeps_it_for_wifi_beacons() {
    RuleProfile devnet =
        RuleProfile.heliumIot2025().withBeaconInterval("devnet", Duration.ofMinutes(5));
    RuleProfiles profiles = RuleProfiles.of(devnet);
    assertThat(profiles.lora()).isSameAs(devnet);
    assertThat(profiles.wifi().beaconInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(profiles.wifi().maxDistanceKm()).isEqualTo(2);
    assertThat(profiles.wifi().name()).isEqualTo("devnet+wifi-2g4");
    assertThat(profiles.forRegion(Region.WIFI_2G4)).isSameAs(profiles.wifi());
    assertThat(profiles.forRegion(Region.US915)).isSameAs(devnet);
  }

  @Test
  void both_profiles_must_share_the_entropy_lifespan() {
    RuleProfile h = RuleProfile.heliumIot2025();
    RuleProfile longer =
        new RuleProfile(
            "longer",
            Duration.ofSeconds(300),
            h.beaconInterval(),
            h.maxBeaconToWitnessLag(),
            h.maxWitnessLag(),
            h.maxFrequencyDeltaHz(),
            h.minDistanceParentResolution(),
            h.minDistanceCells(),
            h.maxDistanceKm(),
            h.reciprocityWindow(),
            h.maxWitnesses(),
            h.witnessRedundancy(),
            h.rewardDecayRate(),
            h.rewardUnitCap(),
            h.rewardUnitDecimals(),
            h.speedOfLightMps());
    assertThatThrownBy(() -> new RuleProfiles(h, longer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "expected one entropy lifespan for LoRa and WiFi beacons, got PT3M (helium-iot-2025)"
                + " and PT5M (longer)");
  }

  @Test
  void the_selection_cap_applies_to_both() {
    RuleProfiles capped = RuleProfiles.helium().withMaxWitnesses(3);
    assertThat(capped.lora().maxWitnesses()).isEqualTo(3);
    assertThat(capped.wifi().maxWitnesses()).isEqualTo(3);
  }
}
