package org.hexproof.core.radio;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * LoRa time on air, from the SX1276 datasheet §4.1.1.7 and Semtech AN1200.13 (radio.md §3.1):
 *
 * <pre>
 * Tsym      = 2^SF / BW
 * Tpreamble = (Npreamble + 4.25) · Tsym          (+6.25 for SF5 and SF6, as the Semtech HAL does)
 * Npayload  = 8 + max(ceil((8·PL − 4·SF + 28 + 16·CRC − 20·IH) / (4·(SF − 2·DE))) · (CR + 4), 0)
 * ToA       = Tpreamble + Npayload · Tsym
 * </pre>
 *
 * All arithmetic is integer (quarter symbols, exact bandwidth fractions), so the result is exact.
 */
public final class LoraAirtime {
  /** Largest LoRa PHY payload, bytes. */
  public static final int MAX_PAYLOAD_BYTES = 255;

  private LoraAirtime() {}

  /**
   * Time on air of one packet.
   *
   * @param modulation the radio settings
   * @param payloadBytes PHY payload length, 0..255 bytes (a Helium beacon is 52: 0xE0 + 51)
   * @throws IllegalArgumentException when the payload length is out of range
   */
  public static TimeOnAir timeOnAir(LoraModulation modulation, int payloadBytes) {
    if (payloadBytes < 0 || payloadBytes > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "payload: expected 0.." + MAX_PAYLOAD_BYTES + " bytes, got " + payloadBytes);
    }
    int sf = modulation.dataRate().spreadingFactor();
    int crc = modulation.crc() ? 1 : 0;
    int ih = modulation.implicitHeader() ? 1 : 0;
    int de = modulation.lowDataRateOptimizeOn() ? 1 : 0;
    int cr = modulation.codingRate().cr();

    int numerator = 8 * payloadBytes - 4 * sf + 28 + 16 * crc - 20 * ih;
    int denominator = 4 * (sf - 2 * de);
    int blocks = Math.max(ceilDiv(numerator, denominator), 0);
    long payloadSymbols = 8L + (long) blocks * (cr + 4);

    long syncQuarterSymbols = sf <= 6 ? 25 : 17; // 6.25 or 4.25 symbols
    long quarterSymbols =
        4L * modulation.preambleSymbols() + syncQuarterSymbols + 4L * payloadSymbols;

    // µs = quarterSymbols/4 · 2^SF / (numeratorHz/denominator) · 10^6
    LoraBandwidth bw = modulation.dataRate().bandwidth();
    BigInteger dividend =
        BigInteger.valueOf(quarterSymbols)
            .shiftLeft(sf)
            .multiply(BigInteger.valueOf(1_000_000L * bw.denominator()));
    BigInteger divisor = BigInteger.valueOf(4L * bw.numeratorHz());
    long micros =
        new BigDecimal(dividend)
            .divide(new BigDecimal(divisor), 0, RoundingMode.HALF_UP)
            .longValueExact();
    return new TimeOnAir(micros, quarterSymbols);
  }

  private static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }
}
