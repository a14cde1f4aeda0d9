package org.hexproof.fieldtests.forwarder;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.LoraModulation;
import org.hexproof.gateway.semtech.Datr;
import org.hexproof.gateway.semtech.Modulation;
import org.hexproof.gateway.semtech.Txpk;

/** How a concentrator would key up for a txpk, as medium {@link RadioSettings}. */
final class TxpkSettings {
  private static final Pattern CODR = Pattern.compile("4/([5-8])");

  private TxpkSettings() {}

  /**
   * The settings for {@code txpk}; empty for FSK, an unknown datarate or coding rate, or a
   * frequency outside the synthesiser range. Power defaults to the region's conducted power for the
   * site's antenna and is clamped to -10..30 dBm; the preamble defaults to 8 and is at least 6.
   */
  static Optional<RadioSettings> of(Txpk txpk, ForwarderSite site) {
    if (txpk.modu() != Modulation.LORA || !(txpk.datr() instanceof Datr.Lora lora)) {
      return Optional.empty();
    }
    try {
      LoraDataRate rate = LoraDataRate.parse(lora.text());
      Matcher codr = CODR.matcher(txpk.codr().orElse("4/5"));
      if (!codr.matches()) {
        return Optional.empty();
      }
      CodingRate cr = CodingRate.ofCr(Integer.parseInt(codr.group(1)) - 4);
      int power =
          txpk.powerDbm().orElse(site.region().plan().conductedPowerDbm(site.antennaGainDdbi()));
      int preamble = txpk.preambleSymbols().orElse(LoraModulation.LORAWAN_PREAMBLE_SYMBOLS);
      return Optional.of(
          new RadioSettings(
              txpk.frequencyHz(),
              rate,
              cr,
              Math.max(-10, Math.min(30, power)),
              Math.max(6, Math.min(65_535, preamble)),
              true,
              txpk.ipol()));
    } catch (IllegalArgumentException unusable) {
      return Optional.empty();
    }
  }
}
