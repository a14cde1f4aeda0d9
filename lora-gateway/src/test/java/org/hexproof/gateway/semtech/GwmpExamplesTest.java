package org.hexproof.gateway.semtech;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The verbatim protocol examples of radio.md §1.3, each wrapped in a datagram. */
class GwmpExamplesTest {
  static Stream<String> ids() {
    return GwmpVectors.load("gwmp-examples.json").stream().map(v -> v.get("id").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void re_encodes_a_decoded_example_byte_for_byte(String id) throws MalformedDatagramException {
    byte[] bytes = GwmpVectors.example(id);

    assertThat(GwmpCodec.decode(bytes).encode()).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void canonical_encoding_of_a_decoded_example_decodes_to_an_equal_packet(String id)
      throws MalformedDatagramException {
    GwmpPacket decoded = GwmpCodec.decode(GwmpVectors.example(id));
    GwmpPacket rebuilt = rebuild(decoded);

    assertThat(GwmpCodec.decode(rebuilt.encode())).isEqualTo(decoded).isEqualTo(rebuilt);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void tolerates_one_trailing_nul_and_keeps_it(String id) throws MalformedDatagramException {
    byte[] bytes = GwmpVectors.example(id);
    byte[] withNul = java.util.Arrays.copyOf(bytes, bytes.length + 1);

    GwmpPacket packet = GwmpCodec.decode(withNul);

    assertThat(packet).isEqualTo(GwmpCodec.decode(bytes));
    assertThat(packet.encode()).isEqualTo(withNul);
  }

  private static GwmpPacket rebuild(GwmpPacket p) {
    if (p instanceof PushData d) {
      return new PushData(d.token(), d.eui(), d.payload());
    } else if (p instanceof PullResp r) {
      return new PullResp(r.token(), r.txpk());
    } else if (p instanceof TxAck t) {
      return new TxAck(t.token(), t.eui(), t.ack());
    }
    throw new AssertionError(p);
  }

  @Test
  void legacy_rxpk_example_decodes_three_packets() throws MalformedDatagramException {
    PushData push = PushData.decode(GwmpVectors.example("rxpk_legacy"));

    assertThat(push.eui()).isEqualTo(Eui64.parse("AA555A0000000000"));
    assertThat(push.payload().stat()).isEmpty();
    assertThat(push.payload().rxpk()).hasSize(3);
    Rxpk lora = push.payload().rxpk().get(0);
    assertThat(lora.time()).contains("2013-03-31T16:21:17.528002Z");
    assertThat(lora.tmstUs()).hasValue(3512348611L);
    assertThat(lora.chan()).hasValue(2);
    assertThat(lora.rfch()).hasValue(0);
    assertThat(lora.freqMhz()).isEqualTo(new BigDecimal("866.349812"));
    assertThat(lora.frequencyHz()).isEqualTo(866_349_812L);
    assertThat(lora.crcOk()).isTrue();
    assertThat(lora.modu()).isEqualTo(Modulation.LORA);
    assertThat(lora.datr()).isEqualTo(new Datr.Lora("SF7BW125"));
    assertThat(lora.codr()).contains("4/6");
    assertThat(lora.rssiDbm()).hasValue(-35);
    assertThat(lora.bestRssiDbm()).hasValue(-35);
    assertThat(lora.snrDb()).hasValue(5.1);
    assertThat(lora.size()).isEqualTo(32);
    assertThat(lora.data().length()).isEqualTo(32);
    assertThat(lora.sizeMatchesData()).isTrue();

    Rxpk fsk = push.payload().rxpk().get(1);
    assertThat(fsk.modu()).isEqualTo(Modulation.FSK);
    assertThat(fsk.datr()).isEqualTo(new Datr.Fsk(50_000));
    assertThat(fsk.frequencyHz()).isEqualTo(869_100_000L);
    assertThat(fsk.codr()).isEmpty();
    assertThat(fsk.snrDb()).isEmpty();
    assertThat(new String(fsk.data().toArray(), StandardCharsets.US_ASCII))
        .isEqualTo("TEST_PACKET_1234");

    Rxpk sf10 = push.payload().rxpk().get(2);
    assertThat(sf10.tmstUs()).hasValue(3316387610L);
    assertThat(sf10.freqMhz()).isEqualTo(new BigDecimal("863.00981"));
    assertThat(sf10.frequencyHz()).isEqualTo(863_009_810L);
    assertThat(sf10.datr()).isEqualTo(new Datr.Lora("SF10BW125"));
    assertThat(sf10.lsnrDb()).hasValue(5.5);
    assertThat(sf10.data().length()).isEqualTo(32);
  }

  @Test
  void v1_6_rxpk_example_carries_tmms_ftime_mid_and_foff() throws MalformedDatagramException {
    Rxpk first = PushData.decode(GwmpVectors.example("rxpk_v1_6")).payload().rxpk().get(0);

    assertThat(first.tmmsMs()).hasValue(1285579871592L);
    assertThat(first.ftimeNs()).hasValue(85224290L);
    assertThat(first.mid()).hasValue(3);
    assertThat(first.foffHz()).hasValue(-3313L);
    assertThat(first.rssisDbm()).isEmpty();
    assertThat(first.time()).contains("2020-10-01T09:30:52.592567Z");
  }

  @Test
  void stat_examples_decode_with_and_without_temperature() throws MalformedDatagramException {
    Stat legacy =
        PushData.decode(GwmpVectors.example("stat_legacy")).payload().stat().orElseThrow();
    Stat withTemp =
        PushData.decode(GwmpVectors.example("stat_temp")).payload().stat().orElseThrow();

    assertThat(legacy.time()).contains("2014-01-12 08:59:28 GMT");
    assertThat(legacy.timeInstant()).contains(Instant.parse("2014-01-12T08:59:28Z"));
    assertThat(legacy.latitudeDeg()).hasValue(46.24);
    assertThat(legacy.longitudeDeg()).hasValue(3.2523);
    assertThat(legacy.altitudeM()).hasValue(145);
    assertThat(legacy.rxnb()).hasValue(2);
    assertThat(legacy.rxok()).hasValue(2);
    assertThat(legacy.rxfw()).hasValue(2);
    assertThat(legacy.ackrPercent()).hasValue(100.0);
    assertThat(legacy.dwnb()).hasValue(2);
    assertThat(legacy.txnb()).hasValue(2);
    assertThat(legacy.tempC()).isEmpty();
    assertThat(withTemp.tempC()).hasValue(23.2);
    assertThat(withTemp.rxnb()).isEqualTo(legacy.rxnb());
  }

  @Test
  void txpk_examples_decode_lora_and_fsk() throws MalformedDatagramException {
    Txpk lora = PullResp.decode(GwmpVectors.example("txpk_lora")).txpk();
    Txpk fsk = PullResp.decode(GwmpVectors.example("txpk_fsk")).txpk();

    assertThat(lora.imme()).isTrue();
    assertThat(lora.freqMhz()).isEqualTo(new BigDecimal("864.123456"));
    assertThat(lora.frequencyHz()).isEqualTo(864_123_456L);
    assertThat(lora.rfch()).isZero();
    assertThat(lora.powerDbm()).hasValue(14);
    assertThat(lora.datr()).isEqualTo(new Datr.Lora("SF11BW125"));
    assertThat(lora.codr()).contains("4/6");
    assertThat(lora.ipol()).isFalse();
    assertThat(lora.size()).isEqualTo(32);
    assertThat(lora.data().length()).isEqualTo(32);
    assertThat(fsk.modu()).isEqualTo(Modulation.FSK);
    assertThat(fsk.datr()).isEqualTo(new Datr.Fsk(50_000));
    assertThat(fsk.fdevHz()).hasValue(3000);
    assertThat(fsk.powerDbm()).hasValue(12);
    assertThat(fsk.frequencyHz()).isEqualTo(861_300_000L);
    assertThat(fsk.data()).isEqualTo(lora.data());
  }

  @Test
  void txpk_ack_examples_decode_error_and_warning() throws MalformedDatagramException {
    TxAck error = TxAck.decode(GwmpVectors.example("txpk_ack_error"));
    TxAck warn = TxAck.decode(GwmpVectors.example("txpk_ack_warn"));

    assertThat(error.ack().orElseThrow().error()).isEqualTo(TxAckError.COLLISION_PACKET);
    assertThat(error.isOk()).isFalse();
    TxpkAck w = warn.ack().orElseThrow();
    assertThat(w.error()).isEqualTo(TxAckError.NONE);
    assertThat(w.warn()).contains(TxpkAck.WARN_TX_POWER);
    assertThat(w.valueDbm()).hasValue(20);
    assertThat(warn.isOk()).isTrue();
  }
}
