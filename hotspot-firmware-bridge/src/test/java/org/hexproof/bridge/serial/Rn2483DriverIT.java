package org.hexproof.bridge.serial;

import java.util.List;
import org.hexproof.bridge.emulator.LoraEmulator;
import org.hexproof.bridge.emulator.RadioMedium;
import org.hexproof.bridge.emulator.Rn2483Emulator;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.radio.CodingRate;

class Rn2483DriverIT extends LoraDriverContractIT {
  @Override
  LoraEmulator emulator(LineChannelOpener opener, RadioMedium medium) {
    return new Rn2483Emulator(opener, medium);
  }

  @Override
  LoraModuleDriver driver(LineChannelOpener opener) {
    return new Rn2483Driver(opener, OPTIONS, clock(), COMMAND_TIMEOUT);
  }

  @Override
  int baud() {
    return Rn2483Driver.BAUD;
  }

  @Override
  RadioSettings rejectedSettings() {
    // RN2483 "radio set pwr" accepts -3..15 dBm.
    return new RadioSettings(
        868_100_000L, SETTINGS.dataRate(), CodingRate.CR4_5, 20, 8, true, false);
  }

  @Override
  String rejectionText() {
    return "invalid_param";
  }

  @Override
  List<String> receiveReport(String hex) {
    return List.of("radio_rx  " + hex);
  }
}
