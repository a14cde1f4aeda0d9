package org.hexproof.core.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Stream;
import org.hexproof.core.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoraAirtimeTest {

  static Stream<Arguments> vectors() {
    return Vectors.load("airtime.json").stream()
        .map(v -> Arguments.of(v.get("description").asText(), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void reproduces_known_time_on_air_to_the_microsecond(String description, JsonNode v) {
    LoraBandwidth bw = LoraBandwidth.fromKilohertz(v.get("bw_khz").asText()).orElseThrow();
    Optional<Boolean> ldro =
        switch (v.get("ldro").asText()) {
          case "on" -> Optional.of(true);
          case "off" -> Optional.of(false);
          default -> Optional.empty();
        };
    LoraModulation modulation =
        new LoraModulation(
            new LoraDataRate(v.get("sf").asInt(), bw),
            CodingRate.ofCr(v.get("cr").asInt()),
            v.get("preamble").asInt(),
            v.get("crc").asBoolean(),
            v.get("implicit_header").asBoolean(),
            ldro);

    TimeOnAir toa = LoraAirtime.timeOnAir(modulation, v.get("payload_bytes").asInt());

    assertThat(toa.millis()).isEqualByComparingTo(new BigDecimal(v.get("time_on_air_ms").asText()));
    assertThat(toa.symbols()).isEqualByComparingTo(new BigDecimal(v.get("symbols").asText()));
  }

  @Test
  void low_data_rate_optimisation_follows_the_16_ms_symbol_rule() {
    assertThat(
            LoraModulation.lorawanUplink(LoraDataRate.parse("SF10BW125")).lowDataRateOptimizeOn())
        .isFalse();
    assertThat(
            LoraModulation.lorawanUplink(LoraDataRate.parse("SF11BW125")).lowDataRateOptimizeOn())
        .isTrue();
    assertThat(
            LoraModulation.lorawanUplink(LoraDataRate.parse("SF12BW250")).lowDataRateOptimizeOn())
        .isTrue();
    assertThat(
            LoraModulation.lorawanUplink(LoraDataRate.parse("SF11BW250")).lowDataRateOptimizeOn())
        .isFalse();
    assertThat(
            LoraModulation.lorawanUplink(LoraDataRate.parse("SF12BW500")).lowDataRateOptimizeOn())
        .isFalse();
  }

  @Test
  void each_extra_coding_rate_step_adds_symbols_per_block() {
    LoraDataRate sf7 = LoraDataRate.parse("SF7BW125");
    long previous = 0;
    for (int cr = 1; cr <= 4; cr++) {
      TimeOnAir toa =
          LoraAirtime.timeOnAir(
              new LoraModulation(sf7, CodingRate.ofCr(cr), 8, true, false, Optional.empty()), 20);
      assertThat(toa.micros()).isGreaterThan(previous);
      previous = toa.micros();
    }
  }

  @Test
  void rejects_payloads_outside_the_radio_range() {
    LoraModulation m = LoraModulation.lorawanUplink(LoraDataRate.parse("SF7BW125"));
    assertThatThrownBy(() -> LoraAirtime.timeOnAir(m, 256))
        .hasMessageContaining("expected 0..255 bytes, got 256");
    assertThatThrownBy(() -> LoraAirtime.timeOnAir(m, -1)).hasMessageContaining("got -1");
  }

  @Test
  void rejects_sf6_with_an_explicit_header_and_out_of_range_settings() {
    assertThatThrownBy(
            () ->
                new LoraModulation(
                    new LoraDataRate(6, LoraBandwidth.BW125),
                    CodingRate.CR4_5,
                    8,
                    true,
                    false,
                    Optional.empty()))
        .hasMessageContaining("SF6 needs the implicit header");
    assertThatThrownBy(() -> new LoraDataRate(13, LoraBandwidth.BW125))
        .hasMessageContaining("expected 5..12, got 13");
    assertThatThrownBy(() -> CodingRate.ofCr(5)).hasMessageContaining("expected 1..4");
    assertThatThrownBy(
            () ->
                new LoraModulation(
                    LoraDataRate.parse("SF7BW125"),
                    CodingRate.CR4_5,
                    5,
                    true,
                    false,
                    Optional.empty()))
        .hasMessageContaining("expected 6..65535 symbols, got 5");
  }
}
