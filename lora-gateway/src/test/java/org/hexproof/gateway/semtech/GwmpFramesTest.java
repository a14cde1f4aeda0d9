package org.hexproof.gateway.semtech;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GwmpFramesTest {
  static Stream<Arguments> frames() {
    return GwmpVectors.load("gwmp-frames.json").stream()
        .map(v -> Arguments.of(v.get("description").asText(), v));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frames")
  void decodes_header_fields_and_re_encodes_the_same_bytes(String description, JsonNode v)
      throws MalformedDatagramException {
    byte[] bytes = GwmpVectors.datagram(v);

    GwmpPacket packet = GwmpCodec.decode(bytes);

    assertThat(packet.type()).isEqualTo(PacketType.valueOf(v.get("type").asText()));
    assertThat(packet.version().wire()).isEqualTo(v.get("version").asInt());
    assertThat(packet.token()).hasToString(v.get("token").asText());
    if (v.has("eui")) {
      Eui64 eui = Eui64.parse(v.get("eui").asText());
      if (packet instanceof PullData p) {
        assertThat(p.eui()).isEqualTo(eui);
      } else if (packet instanceof TxAck t) {
        assertThat(t.eui()).isEqualTo(eui);
        assertThat(t.ack()).isEmpty();
        assertThat(t.isOk()).isTrue();
      }
    }
    assertThat(packet.encode()).isEqualTo(bytes);
  }

  @Test
  void builds_pull_data_of_gateway_aa555a_with_token_1234_as_in_radio_md() {
    PullData p = new PullData(Token.of((byte) 0x12, (byte) 0x34), Eui64.parse("AA555A0000000000"));

    assertThat(p.encode()).isEqualTo(GwmpVectors.hex("02 12 34 02 AA 55 5A 00 00 00 00 00"));
  }

  @Test
  void builds_chirpstack_pull_data_and_push_ack_vectors() {
    Token token = Token.of((byte) 0x7B, (byte) 0x00);
    Eui64 eui = Eui64.fromBigEndian(GwmpVectors.hex("01 02 03 04 05 06 07 08"));

    assertThat(new PullData(token, eui).encode())
        .isEqualTo(GwmpVectors.hex("02 7B 00 02 01 02 03 04 05 06 07 08"));
    assertThat(new PushAck(token).encode()).isEqualTo(GwmpVectors.hex("02 7B 00 01"));
  }

  @Test
  void acks_echo_the_version_and_token_of_the_request() throws MalformedDatagramException {
    PullData v1 = PullData.decode(GwmpVectors.hex("01 AB CD 02 AA 55 5A 00 00 00 00 00"));

    assertThat(v1.ack().encode()).isEqualTo(GwmpVectors.hex("01 AB CD 04"));
    PushData push = PushData.decode(GwmpVectors.example("stat_legacy"));
    assertThat(push.ack().encode()).isEqualTo(GwmpVectors.hex("02 12 34 01"));
  }

  @Test
  void tx_ack_without_body_is_built_as_twelve_bytes() {
    TxAck ack = new TxAck(new Token(0x1234), Eui64.parse("AA555A0000000000"), Optional.empty());

    assertThat(ack.encode()).isEqualTo(GwmpVectors.hex("02 12 34 05 AA 55 5A 00 00 00 00 00"));
  }

  @Test
  void eui_text_and_byte_orders_agree() {
    Eui64 eui = Eui64.parse("aa555a0000000001");

    assertThat(eui).hasToString("AA555A0000000001");
    assertThat(eui.toBigEndian()).isEqualTo(GwmpVectors.hex("AA 55 5A 00 00 00 00 01"));
    assertThat(Eui64.fromLittleEndian(eui.toLittleEndian())).isEqualTo(eui);
    assertThat(Eui64.parse("FFFFFFFFFFFFFFFF").value()).isEqualTo(-1L);
  }
}
