package org.hexproof.gateway.semtech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TxAckTest {
  private static final String HEADER = "02 12 34 05 AA 55 5A 00 00 00 00 00";

  private static TxAck decode(String body) throws MalformedDatagramException {
    byte[] head = GwmpVectors.hex(HEADER);
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    byte[] d = new byte[head.length + json.length];
    System.arraycopy(head, 0, d, 0, head.length);
    System.arraycopy(json, 0, d, head.length, json.length);
    return TxAck.decode(d);
  }

  static Stream<String> okBodies() {
    return Stream.of(
        "",
        "\0",
        "{}",
        "{\"txpk_ack\":{}}",
        "{\"txpk_ack\":{\"error\":\"\"}}",
        "{\"txpk_ack\":{\"error\":\"NONE\"}}",
        "{\"txpk_ack\":{\"error\":null}}");
  }

  @ParameterizedTest(name = "body [{index}]")
  @MethodSource("okBodies")
  void empty_body_empty_object_and_empty_error_all_mean_ok(String body)
      throws MalformedDatagramException {
    TxAck ack = decode(body);

    assertThat(ack.isOk()).isTrue();
    assertThat(ack.ack().map(TxpkAck::error)).isIn(Optional.empty(), Optional.of(TxAckError.NONE));
  }

  @Test
  void accepts_semtech_udp_codes_and_keeps_unknown_codes_raw() throws MalformedDatagramException {
    TxpkAck lbt = decode("{\"txpk_ack\":{\"error\":\"SEND_LBT\",\"tmst\":12}}").ack().orElseThrow();
    TxpkAck odd = decode("{\"txpk_ack\":{\"error\":\"DUTY_CYCLE\"}}").ack().orElseThrow();

    assertThat(lbt.error()).isEqualTo(TxAckError.SEND_LBT);
    assertThat(lbt.error().isKnown()).isTrue();
    assertThat(lbt.tmstUs()).hasValue(12);
    assertThat(odd.error().code()).isEqualTo("DUTY_CYCLE");
    assertThat(odd.error().isKnown()).isFalse();
    assertThat(odd.isOk()).isFalse();
  }

  @Test
  void every_lora_pkt_fwd_error_code_is_known() {
    Stream.of(
            "NONE",
            "TOO_LATE",
            "TOO_EARLY",
            "COLLISION_PACKET",
            "COLLISION_BEACON",
            "TX_FREQ",
            "TX_POWER",
            "GPS_UNLOCKED")
        .forEach(code -> assertThat(new TxAckError(code).isKnown()).as(code).isTrue());
  }
}
