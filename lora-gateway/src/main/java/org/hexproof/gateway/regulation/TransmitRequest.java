package org.hexproof.gateway.regulation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.hexproof.core.radio.LoraAirtime;
import org.hexproof.core.radio.LoraModulation;

/**
 * One transmission a gateway wants to make, as the regulator judges it.
 *
 * @param frequencyHz carrier centre frequency in hertz, &gt; 0
 * @param timeOnAir how long the carrier is on, &gt; 0 (for LoRa, {@link LoraAirtime})
 * @param start when the transmission begins
 * @param conductedPowerDbm power at the radio's antenna port in whole dBm (the txpk {@code powe}),
 *     −50..50
 * @param antennaGainDdbi antenna gain in tenths of a dBi, as Helium asserts it, −200..300
 */
public record TransmitRequest(
    long frequencyHz,
    Duration timeOnAir,
    Instant start,
    int conductedPowerDbm,
    int antennaGainDdbi) {

  /** Validates ranges. */
  public TransmitRequest {
    Objects.requireNonNull(timeOnAir, "timeOnAir");
    Objects.requireNonNull(start, "start");
    if (frequencyHz <= 0) {
      throw new IllegalArgumentException("frequency: expected > 0 Hz, got " + frequencyHz);
    }
    if (timeOnAir.isNegative() || timeOnAir.isZero()) {
      throw new IllegalArgumentException("time on air: expected > 0, got " + timeOnAir);
    }
    if (conductedPowerDbm < -50 || conductedPowerDbm > 50) {
      throw new IllegalArgumentException(
          "conducted power: expected -50..50 dBm, got " + conductedPowerDbm);
    }
    if (antennaGainDdbi < -200 || antennaGainDdbi > 300) {
      throw new IllegalArgumentException(
          "antenna gain: expected -200..300 ddBi, got " + antennaGainDdbi);
    }
  }

  /**
   * A LoRa transmission whose time on air follows from its modulation and PHY payload length.
   *
   * @throws IllegalArgumentException when the payload length is outside 0..255 bytes
   */
  public static TransmitRequest lora(
      long frequencyHz,
      LoraModulation modulation,
      int payloadBytes,
      Instant start,
      int conductedPowerDbm,
      int antennaGainDdbi) {
    Duration toa = LoraAirtime.timeOnAir(modulation, payloadBytes).duration();
    return new TransmitRequest(frequencyHz, toa, start, conductedPowerDbm, antennaGainDdbi);
  }

  /** When the carrier goes off: {@code start + timeOnAir} (exclusive). */
  public Instant end() {
    return start.plus(timeOnAir);
  }

  /** Radiated power in tenths of a dBm: {@code 10 · conducted power + antenna gain}. */
  public int eirpDdbm() {
    return 10 * conductedPowerDbm + antennaGainDdbi;
  }

  /** The same transmission moved to another start. */
  public TransmitRequest startingAt(Instant newStart) {
    return new TransmitRequest(
        frequencyHz, timeOnAir, newStart, conductedPowerDbm, antennaGainDdbi);
  }
}
