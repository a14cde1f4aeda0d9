package org.hexproof.bridge.radio;

import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.LoraModulation;

/**
 * The LoRa modulation a module transmits and listens with.
 *
 * @param frequencyHz centre frequency, 137..1020 MHz (the SX127x/SX126x synthesiser range)
 * @param dataRate spreading factor and bandwidth
 * @param codingRate 4/5..4/8
 * @param txPowerDbm conducted output power, -10..30 dBm; each module narrows this further
 * @param preambleSymbols programmed preamble length, 6..65535 (8 for LoRaWAN)
 * @param publicSyncWord true for the LoRaWAN public sync word 0x34 (SX126x 0x3444), false for the
 *     private 0x12 (0x1424)
 * @param iqInverted true for downlink polarity; gateways listen for uplinks, i.e. false
 */
public record RadioSettings(
    long frequencyHz,
    LoraDataRate dataRate,
    CodingRate codingRate,
    int txPowerDbm,
    int preambleSymbols,
    boolean publicSyncWord,
    boolean iqInverted) {

  /** Validates the ranges. */
  public RadioSettings {
    Objects.requireNonNull(dataRate, "dataRate");
    Objects.requireNonNull(codingRate, "codingRate");
    if (frequencyHz < 137_000_000L || frequencyHz > 1_020_000_000L) {
      throw new IllegalArgumentException(
          "frequency: expected 137..1020 MHz in Hz, got " + frequencyHz);
    }
    if (txPowerDbm < -10 || txPowerDbm > 30) {
      throw new IllegalArgumentException("tx power: expected -10..30 dBm, got " + txPowerDbm);
    }
    if (preambleSymbols < 6 || preambleSymbols > 65_535) {
      throw new IllegalArgumentException(
          "preamble: expected 6..65535 symbols, got " + preambleSymbols);
    }
  }

  /**
   * Settings that a LoRaWAN gateway and the other modules hear (radio.md §4.5): CR 4/5, 8-symbol
   * preamble, public sync word, IQ not inverted.
   */
  public static RadioSettings interop(long frequencyHz, LoraDataRate dataRate, int txPowerDbm) {
    return new RadioSettings(
        frequencyHz,
        dataRate,
        CodingRate.CR4_5,
        txPowerDbm,
        LoraModulation.LORAWAN_PREAMBLE_SYMBOLS,
        true,
        false);
  }

  /** The modulation for time-on-air: these settings with CRC on and an explicit header. */
  public LoraModulation modulation() {
    return new LoraModulation(
        dataRate, codingRate, preambleSymbols, true, false, Optional.<Boolean>empty());
  }

  /**
   * Whether a receiver with {@code other} settings demodulates a transmission with these: same
   * frequency, spreading factor, bandwidth, sync word and IQ polarity. Power, preamble length and
   * coding rate (carried in the explicit header) do not matter.
   */
  public boolean hears(RadioSettings other) {
    return frequencyHz == other.frequencyHz
        && dataRate.equals(other.dataRate)
        && publicSyncWord == other.publicSyncWord
        && iqInverted == other.iqInverted;
  }
}
