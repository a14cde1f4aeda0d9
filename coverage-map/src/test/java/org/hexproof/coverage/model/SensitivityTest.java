package org.hexproof.coverage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.RadioTechnology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SensitivityTest {

  static Stream<Arguments> vectors() throws IOException {
    try (InputStream in =
        SensitivityTest.class.getResourceAsStream("/vectors/lora-sensitivity.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      List<Arguments> cases = new ArrayList<>();
      for (JsonNode c : root.get("cases")) {
        cases.add(
            Arguments.of(
                c.get("description").asText(),
                c.get("dataRate").asText(),
                c.get("sensitivityDbm").asDouble()));
      }
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matches_datasheet_or_theoretical_sensitivity(
      String description, String dataRate, double expectedDbm) {
    assertThat(Sensitivity.loraDbm(LoraDataRate.parse(dataRate)))
        .isCloseTo(expectedDbm, within(0.001));
  }

  @Test
  void wifi_uses_hip_93_threshold() {
    BeaconRadio wifi = new BeaconRadio.Wifi();

    assertThat(wifi.sensitivityDbm()).isEqualTo(-85.0);
    assertThat(wifi.cellResolution()).isEqualTo(12);
    assertThat(wifi.technology()).isEqualTo(RadioTechnology.WIFI);
    assertThat(Fixtures.SF9.cellResolution()).isEqualTo(9);
  }

  static Stream<Arguments> levels() {
    return Stream.of(
        Arguments.of("at high threshold", -100.0, SignalLevel.HIGH),
        Arguments.of("just below high", -100.1, SignalLevel.MEDIUM),
        Arguments.of("at medium threshold", -110.0, SignalLevel.MEDIUM),
        Arguments.of("below medium, above SF9 floor", -125.0, SignalLevel.LOW),
        Arguments.of("at SF9 floor", -130.0, SignalLevel.LOW),
        Arguments.of("below SF9 floor", -130.5, SignalLevel.NONE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("levels")
  void classifies_lora_signal_with_default_thresholds(
      String description, double rssiDbm, SignalLevel expected) {
    assertThat(SignalLevels.DEFAULT.lora().classify(rssiDbm, -130.0)).isEqualTo(expected);
  }

  @Test
  void heard_signal_is_at_least_low() {
    assertThat(SignalLevels.DEFAULT.lora().classify(-150, Double.NEGATIVE_INFINITY))
        .isEqualTo(SignalLevel.LOW);
  }
}
