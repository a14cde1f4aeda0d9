package org.hexproof.core.radio;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything about a LoRa transmission that decides its time on air, except the payload length.
 *
 * @param dataRate spreading factor and bandwidth
 * @param codingRate 4/5..4/8
 * @param preambleSymbols programmed preamble length, 6..65535 (8 for LoRaWAN)
 * @param crc whether the payload CRC is on (LoRaWAN uplinks and beacons: on)
 * @param implicitHeader whether the header is left out (SF6 requires it)
 * @param lowDataRateOptimize forced on or off; empty means "as the radio must": on when a symbol
 *     lasts longer than 16 ms (radio.md §3.1)
 */
public record LoraModulation(
    LoraDataRate dataRate,
    CodingRate codingRate,
    int preambleSymbols,
    boolean crc,
    boolean implicitHeader,
    Optional<Boolean> lowDataRateOptimize) {

  /** LoRaWAN's preamble length in symbols. */
  public static final int LORAWAN_PREAMBLE_SYMBOLS = 8;

  /** Validates ranges and the SF6 header rule. */
  public LoraModulation {
    Objects.requireNonNull(dataRate, "dataRate");
    Objects.requireNonNull(codingRate, "codingRate");
    Objects.requireNonNull(lowDataRateOptimize, "lowDataRateOptimize");
    if (preambleSymbols < 6 || preambleSymbols > 65_535) {
      throw new IllegalArgumentException(
          "preamble: expected 6..65535 symbols, got " + preambleSymbols);
    }
    // SX1276 datasheet §4.1.1.6: spreading factor 6 works only in implicit header mode.
    if (dataRate.spreadingFactor() == 6 && !implicitHeader) {
      throw new IllegalArgumentException("SF6 needs the implicit header mode (SX1276 §4.1.1.6)");
    }
  }

  /** LoRaWAN uplink framing at this datarate: CR 4/5, 8-symbol preamble, CRC, explicit header. */
  public static LoraModulation lorawanUplink(LoraDataRate dataRate) {
    return new LoraModulation(
        dataRate, CodingRate.CR4_5, LORAWAN_PREAMBLE_SYMBOLS, true, false, Optional.empty());
  }

  /** Whether low-data-rate optimisation is on, after resolving the automatic choice. */
  public boolean lowDataRateOptimizeOn() {
    // Tsym = 2^SF / BW > 16 ms  <=>  2^SF * 1000 * denominator > 16 * numeratorHz
    LoraBandwidth bw = dataRate.bandwidth();
    boolean required =
        (1L << dataRate.spreadingFactor()) * 1000L * bw.denominator() > 16L * bw.numeratorHz();
    return lowDataRateOptimize.orElse(required);
  }
}
