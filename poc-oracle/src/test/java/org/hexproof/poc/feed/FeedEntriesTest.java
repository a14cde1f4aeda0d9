package org.hexproof.poc.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.radio.Region;
import org.hexproof.poc.verify.InvalidReason;
import org.hexproof.poc.verify.ParticipantSide;
import org.hexproof.poc.verify.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FeedEntriesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final H3Cell BEACONER = H3Cell.fromLong(631615575095659519L);
  private static final Instant RECEIVED = Instant.parse("2026-11-25T03:14:29.5Z");

  static Stream<Arguments> decimals() {
    return Stream.of(
        Arguments.of("0", "0"),
        Arguments.of("0.0000", "0"),
        Arguments.of("1.0", "1"),
        Arguments.of("0.25", "0.25"),
        Arguments.of("0.03125", "0.0312"),
        Arguments.of("0.03135", "0.0314"),
        Arguments.of("2", "2"),
        Arguments.of("100", "100"),
        Arguments.of("1.23456", "1.2346"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("decimals")
  void writes_decimals_with_at_most_four_places_half_even_without_trailing_zeros(
      String value, String written) {
    assertThat(FeedEntries.decimal(new BigDecimal(value))).isEqualTo(written);
  }

  @Test
  void writes_instants_in_utc_with_milliseconds() {
    assertThat(FeedEntries.instant(Instant.parse("2026-11-25T03:00:20Z")))
        .isEqualTo("2026-11-25T03:00:20.000Z");
    assertThat(FeedEntries.instant(Instant.parse("2026-11-25T03:00:20.123456789Z")))
        .as("truncated, not rounded")
        .isEqualTo("2026-11-25T03:00:20.123Z");
  }

  @Test
  void renders_an_entry_as_the_feed_contract_names_its_fields() throws Exception {
    FeedEntries.Beacon beacon =
        new FeedEntries.Beacon(
            "b1",
            "beaconer",
            Optional.of("owner"),
            Optional.of(BEACONER),
            Optional.of(Region.EU868),
            12,
            RECEIVED,
            867_900_000L,
            "SF12BW125",
            14,
            Verdict.VALID,
            "wifi-2g4",
            new BigDecimal("0.5000"),
            new BigDecimal("1.20"));
    FeedEntries.Witness valid =
        new FeedEntries.Witness(
            "w1",
            "witness",
            Optional.of("owner2"),
            Optional.of(H3Cell.fromLong(627111975465463807L)),
            RECEIVED.plusMillis(500),
            -1080,
            35,
            867_900_032L,
            OptionalLong.of(2113),
            Verdict.VALID,
            true,
            BigDecimal.ONE);
    FeedEntries.Witness invalid =
        new FeedEntries.Witness(
            "w2",
            "stranger",
            Optional.empty(),
            Optional.empty(),
            RECEIVED.plusMillis(600),
            -1100,
            -20,
            867_900_000L,
            OptionalLong.empty(),
            new Verdict.Invalid(InvalidReason.GATEWAY_NOT_FOUND, ParticipantSide.WITNESS, "x"),
            false,
            BigDecimal.ZERO);

    String text =
        FeedEntries.render(
            17, Instant.parse("2026-11-25T03:20:00Z"), beacon, List.of(valid, invalid));
    assertThat(text).doesNotContain(" ").doesNotContain("\n");
    JsonNode entry = JSON.readTree(text);
    assertThat(entry.get("id").asLong()).isEqualTo(17);
    assertThat(entry.get("verified_at").asText()).isEqualTo("2026-11-25T03:20:00.000Z");
    JsonNode b = entry.get("beacon");
    assertThat(b.get("report_id").asText()).isEqualTo("b1");
    assertThat(b.get("location").asText()).isEqualTo("631615575095659519");
    assertThat(b.get("region").asText()).isEqualTo("EU868");
    assertThat(b.get("gain_ddbi").asInt()).isEqualTo(12);
    assertThat(b.get("received_at").asText()).isEqualTo("2026-11-25T03:14:29.500Z");
    assertThat(b.get("frequency_hz").asLong()).isEqualTo(867_900_000L);
    assertThat(b.get("verdict").asText()).isEqualTo("valid");
    assertThat(b.get("reason").isNull()).isTrue();
    assertThat(b.get("rule_profile").asText()).isEqualTo("wifi-2g4");
    assertThat(b.get("hex_scale").asText()).isEqualTo("0.5");
    assertThat(b.get("reward_unit").asText()).isEqualTo("1.2");

    JsonNode ws = entry.get("witnesses");
    assertThat(ws).hasSize(2);
    assertThat(ws.get(0).get("distance_m").asLong()).isEqualTo(2113);
    assertThat(ws.get(0).get("selected").asBoolean()).isTrue();
    assertThat(ws.get(0).get("reward_unit").asText()).isEqualTo("1");
    assertThat(ws.get(1).get("owner").isNull()).isTrue();
    assertThat(ws.get(1).get("location").isNull()).isTrue();
    assertThat(ws.get(1).get("distance_m").isNull()).isTrue();
    assertThat(ws.get(1).get("verdict").asText()).isEqualTo("invalid");
    assertThat(ws.get(1).get("reason").asText()).isEqualTo("gateway_not_found");
    assertThat(ws.get(1).get("reward_unit").asText()).isEqualTo("0");
  }

  @Test
  void renders_a_beacon_without_registry_data_with_nulls_and_no_witnesses() throws Exception {
    FeedEntries.Beacon unknown =
        new FeedEntries.Beacon(
            "b2",
            "nobody",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            RECEIVED,
            1L,
            "SF7BW125",
            0,
            new Verdict.Invalid(InvalidReason.GATEWAY_NOT_FOUND, ParticipantSide.BEACONER, ""),
            "helium-iot-2025",
            BigDecimal.ZERO,
            BigDecimal.ZERO);
    JsonNode entry = JSON.readTree(FeedEntries.render(1, RECEIVED, unknown, List.of()));
    assertThat(entry.get("beacon").get("owner").isNull()).isTrue();
    assertThat(entry.get("beacon").get("location").isNull()).isTrue();
    assertThat(entry.get("beacon").get("region").isNull()).isTrue();
    assertThat(entry.get("beacon").get("reason").asText()).isEqualTo("gateway_not_found");
    assertThat(entry.get("beacon").get("rule_profile").asText()).isEqualTo("helium-iot-2025");
    assertThat(entry.get("witnesses")).isEmpty();
  }
}
