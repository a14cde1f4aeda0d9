package org.hexproof.poc.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.hexproof.poc.density.HexScales;
import org.hexproof.poc.verify.RuleProfile;
import org.hexproof.poc.verify.UnverifiableBeaconException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioReplayTest {
  private static final HexScales DEFAULT = cell -> HexScales.DEFAULT_SCALE;

  static String resource(String name) {
    try (InputStream in = ScenarioReplayTest.class.getResourceAsStream("/scenarios/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void replays_the_helium_malta_beacon_with_one_witness_per_outcome() {
    String out = ScenarioReplay.replay(resource("helium-malta.json"), DEFAULT);

    assertThat(out)
        .isEqualTo(
            "{\"beacon\":{\"verdict\":\"valid\",\"reason\":null},\"witnesses\":["
                + "{\"hotspot\":\"b\",\"verdict\":\"valid\",\"reason\":null,\"selected\":true},"
                + "{\"hotspot\":\"c\",\"verdict\":\"invalid\",\"reason\":\"denied_edge\",\"selected\":false},"
                + "{\"hotspot\":\"d\",\"verdict\":\"invalid\",\"reason\":\"not_asserted\",\"selected\":false},"
                + "{\"hotspot\":\"e\",\"verdict\":\"invalid\",\"reason\":\"gateway_not_found\",\"selected\":false},"
                + "{\"hotspot\":\"b\",\"verdict\":\"invalid\",\"reason\":\"duplicate\",\"selected\":false}],"
                + "\"hex_scale\":0.2,\"reward_units\":{\"beaconer\":0.25,\"witness\":1}}");
  }

  @Test
  void parses_decimal_hex_and_null_locations_and_defaults() {
    Scenario scenario = ScenarioReplay.parse(resource("helium-malta.json"));

    assertThat(scenario.input().hotspot("b").orElseThrow().location().orElseThrow().index())
        .isEqualTo(627111975465463807L);
    assertThat(scenario.input().hotspot("d").orElseThrow().location()).isEmpty();
    assertThat(scenario.input().hotspot("c").orElseThrow().elevationMeters()).isZero();
    assertThat(ScenarioReplay.profileFor(scenario)).isEqualTo(RuleProfile.heliumIot2025());
  }

  @Test
  void a_scenario_with_regions_that_lack_the_beaconers_is_unverifiable() {
    String json =
        resource("helium-malta.json")
            .replace(
                "\"hotspots\"",
                "\"regions\": {\"US915\": {\"channels_hz\": [903900000], \"bandwidth_hz\": 125000,"
                    + " \"max_eirp_ddbm\": 360, \"spreading\": [{\"sf\": 9, \"max_packet_size\": 67}]}},"
                    + " \"hotspots\"");

    assertThatThrownBy(() -> ScenarioReplay.replay(json, DEFAULT))
        .isInstanceOf(UnverifiableBeaconException.class)
        .hasMessageContaining("EU868");
  }

  @Test
  void scenario_regions_replace_the_built_in_plan() {
    String json =
        resource("helium-malta.json")
            .replace(
                "\"hotspots\"",
                "\"regions\": {\"EU868\": {\"channels_hz\": [867100000], \"bandwidth_hz\": 125000,"
                    + " \"max_eirp_ddbm\": 161, \"spreading\": [{\"sf\": 12, \"max_packet_size\": 65}]}},"
                    + " \"hotspots\"");

    assertThat(ScenarioReplay.replay(json, DEFAULT))
        .startsWith("{\"beacon\":{\"verdict\":\"invalid\",\"reason\":\"invalid_packet\"}");
  }

  @Test
  void hex_scale_comes_from_the_given_hex_scales() {
    String out =
        ScenarioReplay.replay(resource("helium-malta.json"), cell -> new BigDecimal("0.5015"));

    assertThat(out).contains("\"hex_scale\":0.5015");
  }

  static Stream<Arguments> malformed() {
    String ok = resource("helium-malta.json");
    return Stream.of(
        Arguments.of("{", "$: expected JSON"),
        Arguments.of("[]", "$: expected an object, got an array"),
        Arguments.of(
            ok.replace("\"631615575095659519\"", "\"nowhere\""),
            "$.hotspots[0].location: expected an H3 cell index"),
        Arguments.of(
            ok.replace("\"gain_ddbi\": 30", "\"gain_ddbi\": \"30\""),
            "$.hotspots[2].gain_ddbi: expected an integer, got \"30\""),
        Arguments.of(
            ok.replace(
                "\"region\": \"EU868\", \"gain_ddbi\": 30",
                "\"region\": \"MARS\", \"gain_ddbi\": 30"),
            "$.hotspots[2].region: expected one of EU868"),
        Arguments.of(
            ok.replace("2023-02-23T14:50:29.500Z", "yesterday"),
            "$.beacon.received_at: expected an ISO-8601 UTC time"),
        Arguments.of(
            ok.replace("\"local_entropy_hex\": \"e94619b0\"", "\"local_entropy_hex\": \"e9461\""),
            "$.beacon.local_entropy_hex: expected hex digits"),
        Arguments.of(
            ok.replaceFirst("\"datarate\": \"SF12BW125\"", "\"datarate\": \"SF13\""),
            "$.beacon.datarate: expected a datarate"),
        Arguments.of(
            ok.replace(
                "\"capability\": \"full\", \"denied\": false,\n      \"last_beacon_at\": \"2023",
                "\"capability\": \"half\", \"denied\": false,\n      \"last_beacon_at\": \"2023"),
            "$.hotspots[0].capability: expected \"full\" or \"data_only\""),
        Arguments.of(
            ok.replace("\"denied_edges\": [[\"c\", \"a\"]]", "\"denied_edges\": [[\"c\"]]"),
            "$.denied_edges[0]: expected a pair"),
        Arguments.of(
            ok.replace("\"max_witnesses\": 14", "\"max_witnesses\": 0"),
            "$.max_witnesses: expected 1.."),
        Arguments.of(
            ok.replace(
                "\"snr_ddb\": 35, \"frequency_hz\": 867900000",
                "\"snr\": 35, \"frequency_hz\": 867900000"),
            "$.witnesses[4].snr: unknown field"),
        Arguments.of(ok.replace("\"entropy\":", "\"entropie\":"), "$.entropie: unknown field"),
        Arguments.of(
            ok.replace("\"id\": \"b\"", "\"id\": \"a\""),
            "$.hotspots[1].id: duplicate hotspot id"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformed_scenarios_name_the_path_and_the_expectation(String json, String message) {
    assertThatThrownBy(() -> ScenarioReplay.parse(json))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith(message);
  }
}
