package org.hexproof.gateway.semtech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hexproof.gateway.semtech.MalformedDatagramException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GwmpMalformedTest {
  static Stream<Arguments> cases() {
    return GwmpVectors.load("gwmp-malformed.json").stream()
        .map(v -> Arguments.of(v.get("description").asText(), v));
  }

  private static MalformedDatagramException reject(byte[] datagram) {
    MalformedDatagramException e =
        catchThrowableOfType(MalformedDatagramException.class, () -> GwmpCodec.decode(datagram));
    assertThat(e).as("decode must reject").isNotNull();
    return e;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejects_with_the_vector_reason_and_message(String description, JsonNode v) {
    MalformedDatagramException e = reject(GwmpVectors.datagram(v));

    assertThat(e.reason()).isEqualTo(Reason.valueOf(v.get("reason").asText()));
    if (v.has("message")) {
      assertThat(e).hasMessage(v.get("message").asText());
    }
  }

  @Test
  void rejects_datagrams_longer_than_65535_bytes() {
    byte[] big = new byte[65536];
    big[0] = 2;

    MalformedDatagramException e = reject(big);

    assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
    assertThat(e).hasMessage("GWMP: expected ≤65535 bytes, got 65536");
  }

  @Test
  void a_type_specific_decoder_rejects_another_packet_type() {
    MalformedDatagramException e =
        catchThrowableOfType(
            MalformedDatagramException.class,
            () -> PushData.decode(GwmpVectors.hex("02 12 34 01")));

    assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_TYPE);
    assertThat(e).hasMessage("PUSH_DATA: expected id 0x00, got PUSH_ACK");
  }

  @Test
  void every_reason_is_reachable() {
    Set<Reason> seen =
        GwmpVectors.load("gwmp-malformed.json").stream()
            .map(v -> Reason.valueOf(v.get("reason").asText()))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));
    seen.add(Reason.UNEXPECTED_TYPE);

    assertThat(seen).containsExactlyInAnyOrder(Reason.values());
  }

  @Test
  void reason_codes_are_unique_lower_case_labels() {
    assertThat(Stream.of(Reason.values()).map(Reason::code))
        .doesNotHaveDuplicates()
        .allMatch(c -> c.matches("[a-z][a-z0-9_]*"));
  }
}
