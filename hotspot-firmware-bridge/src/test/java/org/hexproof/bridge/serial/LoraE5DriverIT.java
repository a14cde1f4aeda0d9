package org.hexproof.bridge.serial;

import java.util.List;
import org.hexproof.bridge.emulator.LoraE5Emulator;
import org.hexproof.bridge.emulator.LoraEmulator;
import org.hexproof.bridge.emulator.RadioMedium;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.radio.CodingRate;

class LoraE5DriverIT extends LoraDriverContractIT {
  @Override
  LoraEmulator emulator(LineChannelOpener opener, RadioMedium medium) {
    return new LoraE5Emulator(opener, medium);
  }

  @Override
  LoraModuleDriver driver(LineChannelOpener opener) {
    return new LoraE5Driver(opener, OPTIONS, clock(), COMMAND_TIMEOUT);
  }

  @Override
  int baud() {
    return LoraE5Driver.BAUD;
  }

  @Override
  RadioSettings rejectedSettings() {
    // Test mode accepts -1..22 dBm.
    return new RadioSettings(
        868_100_000L, SETTINGS.dataRate(), CodingRate.CR4_5, 25, 8, true, false);
  }

  @Override
  String rejectionText() {
    return "+TEST: ERROR(-1)";
  }

  @Override
  List<String> receiveReport(String hex) {
    return List.of(
        "+TEST: LEN:" + hex.length() / 2 + ", RSSI:-40, SNR:7", "+TEST: RX \"" + hex + "\"");
  }
}
