package org.hexproof.core.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hexproof.core.proto.DataRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LoraDataRateTest {

  @ParameterizedTest
  @EnumSource(
      value = DataRate.class,
      names = {"SF.*"},
      mode = EnumSource.Mode.MATCH_ANY)
  void every_lora_wire_datarate_round_trips_through_its_name(DataRate wire) {
    LoraDataRate rate = LoraDataRate.fromProto(wire).orElseThrow();
    assertThat(rate.toProto()).contains(wire);
    assertThat(LoraDataRate.parse(rate.name())).isEqualTo(rate);
  }

  @Test
  void non_lora_wire_datarates_have_no_lora_form() {
    assertThat(LoraDataRate.fromProto(DataRate.WIFI_2G4)).isEmpty();
    assertThat(LoraDataRate.fromProto(DataRate.FSK50)).isEmpty();
  }

  @Test
  void parses_packet_forwarder_names_case_insensitively() {
    assertThat(LoraDataRate.parse("sf12bw125"))
        .isEqualTo(new LoraDataRate(12, LoraBandwidth.BW125));
    assertThat(LoraDataRate.parse("SF7BW62.5"))
        .isEqualTo(new LoraDataRate(7, LoraBandwidth.BW62_5));
    assertThat(LoraDataRate.parse("SF7BW62.5").toProto()).isEmpty();
  }

  @Test
  void rejects_malformed_names_saying_what_was_expected() {
    assertThatThrownBy(() -> LoraDataRate.parse("SF12"))
        .hasMessageContaining("expected SF<5..12>BW<kHz>")
        .hasMessageContaining("\"SF12\"");
    assertThatThrownBy(() -> LoraDataRate.parse("SF12BW123"))
        .hasMessageContaining("unknown bandwidth 123 kHz");
  }

  @Test
  void narrow_bandwidths_are_found_by_their_datasheet_labels() {
    assertThat(LoraBandwidth.fromKilohertz("7.8")).contains(LoraBandwidth.BW7_8);
    assertThat(LoraBandwidth.fromKilohertz("7.81")).contains(LoraBandwidth.BW7_8);
    assertThat(LoraBandwidth.fromKilohertz("41.67")).contains(LoraBandwidth.BW41_7);
    assertThat(LoraBandwidth.fromKilohertz("125.0")).contains(LoraBandwidth.BW125);
    assertThat(LoraBandwidth.fromKilohertz("100")).isEmpty();
    assertThat(LoraBandwidth.fromKilohertz("wide")).isEmpty();
  }
}
