package org.hexproof.coverage.model;

import java.util.Objects;
import org.hexproof.core.radio.LoraBandwidth;
import org.hexproof.core.radio.LoraDataRate;

/**
 * Receiver sensitivity: the weakest signal a receiver still decodes, used as the edge of predicted
 * coverage.
 *
 * <ul>
 *   <li>LoRa SF6–SF12 at 125, 250 and 500 kHz: the Semtech SX1272 datasheet table (LNA boost), as
 *       copied in {@code radio.md} §3.2. SX1272 rather than SX1276 because its table is sourced
 *       there and covers all three bandwidths; the two differ by at most 1–2 dB.
 *   <li>Any other LoRa datarate (SF5, the narrow bandwidths): the theoretical floor {@code −174 +
 *       10·log10(BW_Hz) + NF + SNRmin} with NF = 6 dB and SNRmin from SX1276 Table 13; SF5's −2.5
 *       dB continues that table's 2.5 dB step (as the SX126x datasheets list it).
 *   <li>Wi-Fi: −85 dBm, HIP 93's "covered" threshold for outdoor APs; it is a coverage threshold,
 *       not a chip's sensitivity, which is what we want for a coverage map.
 * </ul>
 */
public final class Sensitivity {
  /** HIP 93: an outdoor Wi-Fi hex counts as covered at modeled RSSI above −85 dBm. */
  public static final double WIFI_DBM = -85.0;

  /** Thermal noise density at 290 K, dBm/Hz. */
  private static final double THERMAL_NOISE_DBM_PER_HZ = -174.0;

  /** Receiver noise figure assumed by radio.md §3.2, dB. */
  private static final double NOISE_FIGURE_DB = 6.0;

  // SX1272 datasheet sensitivity, dBm; rows BW125/250/500, columns SF6..SF12 (radio.md §3.2).
  private static final double[][] SX1272_DBM = {
    {-121, -124, -127, -130, -133, -135, -137},
    {-118, -122, -125, -128, -130, -132, -135},
    {-111, -116, -119, -122, -125, -128, -129},
  };

  private Sensitivity() {}

  /**
   * LoRa sensitivity for a datarate.
   *
   * @param dataRate spreading factor and bandwidth, not null
   * @return the sensitivity in dBm (negative)
   */
  public static double loraDbm(LoraDataRate dataRate) {
    Objects.requireNonNull(dataRate, "dataRate");
    int row = tableRow(dataRate.bandwidth());
    int sf = dataRate.spreadingFactor();
    if (row >= 0 && sf >= 6) {
      return SX1272_DBM[row][sf - 6];
    }
    double bandwidthHz =
        (double) dataRate.bandwidth().numeratorHz() / dataRate.bandwidth().denominator();
    return THERMAL_NOISE_DBM_PER_HZ
        + 10 * Math.log10(bandwidthHz)
        + NOISE_FIGURE_DB
        + minimumSnrDb(sf);
  }

  /**
   * The demodulation floor (minimum SNR) for a spreading factor, SX1276 Table 13: −5 dB at SF6, 2.5
   * dB lower per step; SF5 is −2.5 dB.
   *
   * @param spreadingFactor 5..12
   * @return the minimum SNR in dB
   */
  public static double minimumSnrDb(int spreadingFactor) {
    if (spreadingFactor < 5 || spreadingFactor > 12) {
      throw new IllegalArgumentException("spreadingFactor: expected 5..12, got " + spreadingFactor);
    }
    return -5.0 - 2.5 * (spreadingFactor - 6);
  }

  private static int tableRow(LoraBandwidth bandwidth) {
    switch (bandwidth) {
      case BW125:
        return 0;
      case BW250:
        return 1;
      case BW500:
        return 2;
      default:
        return -1;
    }
  }
}
