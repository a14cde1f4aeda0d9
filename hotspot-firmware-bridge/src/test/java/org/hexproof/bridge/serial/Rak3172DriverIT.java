package org.hexproof.bridge.serial;

import java.util.List;
import org.hexproof.bridge.emulator.LoraEmulator;
import org.hexproof.bridge.emulator.RadioMedium;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.radio.CodingRate;

class Rak3172DriverIT extends LoraDriverContractIT {
  @Override
  LoraEmulator emulator(LineChannelOpener opener, RadioMedium medium) {
    return new Rak3172Emulator(opener, medium);
  }

  @Override
  LoraModuleDriver driver(LineChannelOpener opener) {
    return new Rak3172Driver(opener, OPTIONS, clock(), COMMAND_TIMEOUT);
  }

  @Override
  int baud() {
    return Rak3172Driver.BAUD;
  }

  @Override
  RadioSettings rejectedSettings() {
    // RUI3 accepts 5..22 dBm in AT+P2P.
    return new RadioSettings(
        868_100_000L, SETTINGS.dataRate(), CodingRate.CR4_5, 27, 8, true, false);
  }

  @Override
  String rejectionText() {
    return "AT_PARAM_ERROR";
  }

  @Override
  List<String> receiveReport(String hex) {
    return List.of("+EVT:RXP2P:-40:7:" + hex);
  }
}
