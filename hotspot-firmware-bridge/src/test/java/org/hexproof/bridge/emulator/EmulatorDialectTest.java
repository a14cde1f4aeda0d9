package org.hexproof.bridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The emulators' dialects, busy states and errors, over an in-memory link (radio.md §4). */
@Timeout(10)
class EmulatorDialectTest {
  private final MemoryLink link = new MemoryLink();
  private final FixedSignalMedium medium = new FixedSignalMedium(new Signal(-80, 5));
  private ModuleEmulator emulator;

  private <T extends ModuleEmulator> T start(T e) {
    emulator = e;
    e.start();
    return e;
  }

  @AfterEach
  void close() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void rak_refuses_p2p_commands_in_lorawan_mode_and_reboots_into_p2p() {
    start(new Rak3172Emulator(link, medium));
    assertThat(link.send("AT+P2P=?", 2)).containsExactly("", "AT_MODE_NO_SUPPORT");
    assertThat(link.send("AT+NWM=?", 3)).containsExactly("AT+NWM=1", "", "OK");
    assertThat(link.send("AT+NWM=0", 2)).containsExactly("", "OK");
    assertThat(link.next(4)).last().isEqualTo("Current Work Mode: LoRa P2P.");
    assertThat(link.send("AT+P2P=?", 3)).containsExactly("AT+P2P=868000000:7:125:0:8:14", "", "OK");
  }

  @Test
  void rak_answers_busy_to_setters_while_rx_is_on_and_allows_send_only_in_65533() {
    start(new Rak3172Emulator(link, medium));
    link.send("AT+NWM=0", 2);
    link.next(4);
    assertThat(link.send("AT+P2P=868100000:7:125:0:8:14", 2)).containsExactly("", "OK");
    assertThat(link.send("AT+PRECV=65534", 2)).containsExactly("", "OK");
    assertThat(link.send("AT+PSEND=AB", 2)).containsExactly("", "AT_BUSY_ERROR");
    assertThat(link.send("AT+SYNCWORD=3444", 3))
        .containsExactly(Rak3172Emulator.RX_ON_MESSAGE, "", "AT_BUSY_ERROR");
    assertThat(link.send("AT+PRECV=65533", 2)).containsExactly("", "AT_BUSY_ERROR");
    assertThat(link.send("AT+PRECV=0", 2)).containsExactly("", "OK");
    assertThat(link.send("AT+PRECV=65533", 2)).containsExactly("", "OK");
    assertThat(link.send("AT+PSEND=AB", 2)).containsExactly("", "OK");
    assertThat(link.next(1)).containsExactly("+EVT:TXP2P DONE");
  }

  @Test
  void rak_rejects_bad_p2p_parameters_and_unknown_commands() {
    start(new Rak3172Emulator(link, medium));
    link.send("AT+NWM=0", 2);
    link.next(4);
    for (String bad :
        List.of(
            "AT+P2P=868100000:13:125:0:8:14",
            "AT+P2P=868100000:7:300:0:8:14",
            "AT+P2P=100000000:7:125:0:8:14",
            "AT+P2P=868100000:7:125:0:8",
            "AT+PSEND=ABC")) {
      assertThat(link.send(bad, 2)).as(bad).containsExactly("", "AT_PARAM_ERROR");
    }
    assertThat(link.send("AT+FOO", 2)).containsExactly("", "AT_COMMAND_NOT_FOUND");
  }

  @Test
  void rn_answers_busy_while_receiving_and_radio_err_when_the_watchdog_fires() {
    start(new Rn2483Emulator(link, medium));
    assertThat(link.send("mac pause", 1)).containsExactly("4294967245");
    assertThat(link.send("radio set sf sf13", 1)).containsExactly("invalid_param");
    assertThat(link.send("radio set wdt 50", 1)).containsExactly("ok");
    assertThat(link.send("radio rx 0", 1)).containsExactly("ok");
    assertThat(link.send("radio set sf sf7", 1)).containsExactly("busy");
    assertThat(link.send("radio tx AB", 1)).containsExactly("busy");
    assertThat(link.next(1)).containsExactly("radio_err");
    assertThat(link.send("radio tx ABC", 1)).containsExactly("invalid_param");
    assertThat(link.send("radio tx AB", 2)).containsExactly("ok", "radio_tx_ok");
    assertThat(link.send("sys get ver", 1)).containsExactly(Rn2483Emulator.VERSION);
  }

  @Test
  void e5_needs_test_mode_and_pads_odd_hex_with_a_leading_zero() {
    start(new LoraE5Emulator(link, medium));
    assertThat(link.send("AT", 1)).containsExactly("+AT: OK");
    assertThat(link.send("AT+TEST=RXLRPKT", 1)).containsExactly("+TEST: ERROR(-12)");
    assertThat(link.send("AT+FOO=1", 1)).containsExactly("+FOO: ERROR(-10)");
    assertThat(link.send("AT+MODE=TEST", 1)).containsExactly("+MODE: TEST");
    assertThat(link.send("AT+TEST=RFCFG,868,SF7,125,8,8,14,ON,OFF,OFF", 1))
        .containsExactly(
            "+TEST: RFCFG F:868000000, SF7, BW125K, TXPR:8, RXPR:8, POW:14dBm, CRC:ON, IQ:OFF,"
                + " NET:OFF");
    assertThat(link.send("AT+TEST=RFCFG,868,SF13,125,8,8,14,ON,OFF,OFF", 1))
        .containsExactly("+TEST: ERROR(-1)");
    assertThat(link.send("AT+TEST=TXLRPKT,\"01234556789ABCDEF\"", 2))
        .containsExactly("+TEST: TXLRPKT \"001234556789ABCDEF\"", "+TEST: TX DONE");
  }

  @Test
  void esp_echoes_answers_busy_during_a_scan_and_needs_softap_mode_for_cwsap() {
    start(new EspAtEmulator(link, new WifiAir(-50), "aa:bb:cc:00:00:01"));
    assertThat(link.send("AT", 2)).containsExactly("AT", "OK");
    assertThat(link.send("ATE0", 2)).containsExactly("ATE0", "OK");
    assertThat(link.send("AT+CWSAP=\"x\",\"\",1,0", 1)).containsExactly("ERROR");
    assertThat(link.send("AT+SYSLOG=1", 1)).containsExactly("OK");
    assertThat(link.send("AT+FAKE", 2)).containsExactly("ERR CODE:0x01090000", "ERROR");
    assertThat(link.send("AT+CWLAP", 0)).isEmpty();
    assertThat(link.send("AT+CWMODE?", 1)).containsExactly("busy p...");
    assertThat(link.next(1)).containsExactly("OK");
  }

  @Test
  void a_silent_emulator_answers_nothing() throws InterruptedException {
    start(new LoraE5Emulator(link, medium)).setSilent(true);
    link.send("AT", 0);
    link.assertQuietFor(200);
  }
}
