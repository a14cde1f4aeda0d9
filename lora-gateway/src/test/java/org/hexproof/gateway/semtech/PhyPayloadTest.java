package org.hexproof.gateway.semtech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The base64 policy: lenient reading, canonical writing (package documentation). */
class PhyPayloadTest {
  static Stream<Arguments> exampleStrings() {
    return Stream.of(
        Arguments.of("VEVTVF9QQUNLRVRfMTIzNA==", 16),
        Arguments.of("-DS4CGaDCdG+48eJNM3Vai-zDpsR71Pn9CPA9uCON84", 32),
        Arguments.of("ysgRl452xNLep9S1NTIg2lomKDxUgn3DJ7DE+b00Ass", 32),
        Arguments.of("H3P3N2i9qc4yt7rK7ldqoeCVJGBybzPY5h1Dd7P7p8v", 32),
        Arguments.of("", 0));
  }

  @ParameterizedTest(name = "{0} -> {1} bytes")
  @MethodSource("exampleStrings")
  void decodes_the_protocol_example_strings_to_the_declared_size(String text, int bytes) {
    assertThat(PhyPayload.fromBase64(text).length()).isEqualTo(bytes);
  }

  @Test
  void decodes_the_fsk_example_to_test_packet_1234() {
    byte[] b = PhyPayload.fromBase64("VEVTVF9QQUNLRVRfMTIzNA==").toArray();

    assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("TEST_PACKET_1234");
  }

  @Test
  void reads_url_safe_characters_as_their_standard_counterparts() {
    PhyPayload mixed = PhyPayload.fromBase64("-DS4CGaDCdG+48eJNM3Vai-zDpsR71Pn9CPA9uCON84");
    PhyPayload standard = PhyPayload.fromBase64("+DS4CGaDCdG+48eJNM3Vai+zDpsR71Pn9CPA9uCON84=");

    assertThat(mixed).isEqualTo(standard);
    assertThat(PhyPayload.fromBase64("_w")).isEqualTo(PhyPayload.fromBase64("/w=="));
  }

  @Test
  void writes_standard_padded_base64() {
    PhyPayload p = PhyPayload.fromBase64("-DS4CGaDCdG+48eJNM3Vai-zDpsR71Pn9CPA9uCON84");

    assertThat(p.toBase64()).isEqualTo("+DS4CGaDCdG+48eJNM3Vai+zDpsR71Pn9CPA9uCON84=");
    assertThat(PhyPayload.of(new byte[] {(byte) 0xFF}).toBase64()).isEqualTo("/w==");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "AAAAA", "AA$A", "AA AA", "AA==AA==", "AAA==", "A===", "=", "AA=A"})
  void rejects_text_that_is_not_base64_by_either_alphabet(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> PhyPayload.fromBase64(text));
  }

  @Test
  void flags_a_declared_size_that_disagrees_with_the_data() throws MalformedDatagramException {
    String body =
        "{\"rxpk\":[{\"freq\":868.1,\"modu\":\"LORA\",\"datr\":\"SF7BW125\",\"size\":52,"
            + "\"data\":\"VEVTVF9QQUNLRVRfMTIzNA==\"}]}";
    byte[] d =
        (new String(
                    GwmpVectors.hex("02 00 01 00 00 00 00 00 00 00 00 01"),
                    StandardCharsets.ISO_8859_1)
                + body)
            .getBytes(StandardCharsets.ISO_8859_1);

    Rxpk rxpk = PushData.decode(d).payload().rxpk().get(0);

    assertThat(rxpk.size()).isEqualTo(52);
    assertThat(rxpk.data().length()).isEqualTo(16);
    assertThat(rxpk.sizeMatchesData()).isFalse();
  }
}
