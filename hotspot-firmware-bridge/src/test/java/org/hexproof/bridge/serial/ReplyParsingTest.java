package org.hexproof.bridge.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraDataRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each dialect's commands and reports, as text (radio.md §4). */
class ReplyParsingTest {
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
  private static final RadioSettings EU_SF12 =
      RadioSettings.interop(867_100_000L, LoraDataRate.parse("SF12BW125"), 14);

  @Test
  void rak_parses_a_p2p_receive_event() {
    assertThat(Rak3172Driver.parseReceive("+EVT:RXP2P:-28:5:48656C6C6F", 868_100_000L, AT))
        .contains(new ReceivedFrame(bytes("48656C6C6F"), -28, 5, 868_100_000L, AT));
  }

  @ParameterizedTest
  @MethodSource("rakNonFrames")
  void rak_ignores_other_events(String line) {
    assertThat(Rak3172Driver.parseReceive(line, 1, AT)).isEmpty();
  }

  static Stream<String> rakNonFrames() {
    return Stream.of(
        "+EVT:RXP2P RECEIVE TIMEOUT",
        "+EVT:RXP2P RECEIVE ERROR",
        "+EVT:TXP2P DONE",
        "+EVT:RXP2P:-28:5:",
        "+EVT:RXP2P:-28:5:ABC",
        "+EVT:RXFSK:-28:5:AB",
        // found by SerialParsersFuzzTest: these threw instead of being ignored
        "+EVT:RXP2P:99999999999:5:AB",
        "+EVT:RXP2P:-28:5:" + "AB".repeat(256));
  }

  static Stream<Arguments> rakP2pCommands() {
    return Stream.of(
        Arguments.of(EU_SF12, "AT+P2P=867100000:12:125:0:8:14"),
        Arguments.of(
            new RadioSettings(
                915_000_000L,
                LoraDataRate.parse("SF7BW500"),
                CodingRate.CR4_8,
                22,
                12,
                true,
                false),
            "AT+P2P=915000000:7:500:3:12:22"),
        Arguments.of(
            new RadioSettings(
                433_000_000L, LoraDataRate.parse("SF9BW62.5"), CodingRate.CR4_6, 5, 8, true, false),
            "AT+P2P=433000000:9:9:1:8:5"));
  }

  @ParameterizedTest
  @MethodSource("rakP2pCommands")
  void rak_writes_p2p_settings_as_freq_sf_bw_cr_preamble_power(RadioSettings s, String expected) {
    assertThat(Rak3172Driver.p2pCommand(s)).isEqualTo(expected);
  }

  static Stream<Arguments> rnReceives() {
    return Stream.of(
        Arguments.of("radio_rx  CAFE01", "CAFE01"),
        Arguments.of("radio_rx CAFE01", "CAFE01"),
        Arguments.of("radio_rx   cafe01 ", "CAFE01"));
  }

  @ParameterizedTest
  @MethodSource("rnReceives")
  void rn_parses_radio_rx_with_any_run_of_spaces(String line, String hex) {
    assertThat(Rn2483Driver.parseReceive(line)).hasValueSatisfying(b -> assertBytes(b, hex));
  }

  @Test
  void rn_ignores_radio_err_and_odd_hex() {
    assertThat(Rn2483Driver.parseReceive("radio_err")).isEmpty();
    assertThat(Rn2483Driver.parseReceive("radio_rx  ABC")).isEmpty();
    assertThat(Rn2483Driver.parseReceive("radio_tx_ok")).isEmpty();
    // found by SerialParsersFuzzTest: a frame the driver could not build
    assertThat(Rn2483Driver.parseReceive("radio_rx " + "AB".repeat(256))).isEmpty();
  }

  @Test
  void rn_parses_signed_snr_and_rssi_replies() {
    assertThat(Rn2483Driver.parseSigned("-7")).hasValue(-7);
    assertThat(Rn2483Driver.parseSigned("12")).hasValue(12);
    assertThat(Rn2483Driver.parseSigned("invalid_param")).isEmpty();
  }

  @Test
  void rn_treats_radio_events_as_unsolicited_but_not_replies() {
    assertThat(Rn2483Driver.UNSOLICITED)
        .accepts("radio_rx  AB", "radio_err", "radio_tx_ok")
        .rejects("ok", "invalid_param", "busy", "4294967245", "-7");
  }

  @Test
  void e5_parses_the_signal_line_leniently() {
    assertThat(LoraE5Driver.parseSignal("+TEST: LEN:9, RSSI:-26, SNR:13"))
        .contains(new LoraE5Driver.RxSignal(9, -26, 13));
    assertThat(LoraE5Driver.parseSignal("+TEST: LEN:3,RSSI: -101,SNR:-7.5"))
        .contains(new LoraE5Driver.RxSignal(3, -101, -7.5));
    assertThat(LoraE5Driver.parseSignal("+TEST: RX \"AB\"")).isEmpty();
    // found by SerialParsersFuzzTest: overflowing numbers threw NumberFormatException
    assertThat(LoraE5Driver.parseSignal("+TEST: LEN:518446744073709551616, RSSI:-26, SNR:13"))
        .isEmpty();
    assertThat(LoraE5Driver.parseSignal("+TEST: LEN:9, RSSI:-99999999999, SNR:13")).isEmpty();
  }

  @Test
  void e5_parses_the_payload_line_with_a_leading_zero_for_odd_hex() {
    assertThat(LoraE5Driver.parsePayload("+TEST: RX \"001234556789ABCDEF\""))
        .hasValueSatisfying(b -> assertBytes(b, "001234556789ABCDEF"));
    assertThat(LoraE5Driver.parsePayload("+TEST: RX \"abc\""))
        .hasValueSatisfying(b -> assertBytes(b, "0ABC"));
    assertThat(LoraE5Driver.parsePayload("+TEST: RXLRPKT")).isEqualTo(Optional.empty());
    assertThat(LoraE5Driver.parsePayload("+TEST: RX \"" + "AB".repeat(256) + "\"")).isEmpty();
  }

  @Test
  void e5_recognises_error_replies_of_any_command() {
    assertThat(LoraE5Driver.isError("+TEST: ERROR(-1)")).isTrue();
    assertThat(LoraE5Driver.isError("+MODE: ERROR(-12)")).isTrue();
    assertThat(LoraE5Driver.isError("+TEST: TX DONE")).isFalse();
  }

  @Test
  void e5_writes_rfcfg_in_megahertz_with_net_on_for_the_public_sync_word() {
    assertThat(LoraE5Driver.rfConfigCommand(EU_SF12))
        .isEqualTo("AT+TEST=RFCFG,867.1,SF12,125,8,8,14,ON,OFF,ON");
    assertThat(
            LoraE5Driver.rfConfigCommand(
                RadioSettings.interop(868_000_000L, LoraDataRate.parse("SF7BW250"), 10)))
        .isEqualTo("AT+TEST=RFCFG,868,SF7,250,8,8,10,ON,OFF,ON");
  }

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static void assertBytes(byte[] actual, String hex) {
    assertThat(actual).isEqualTo(bytes(hex));
  }
}
