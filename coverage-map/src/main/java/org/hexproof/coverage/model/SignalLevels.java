package org.hexproof.coverage.model;

import java.util.Objects;
import org.hexproof.core.radio.RadioTechnology;

/**
 * RSSI thresholds that turn a signal into a {@link SignalLevel}, one set per technology. The
 * pattern is HIP 74's outdoor tiers (High &gt; −95, Medium −95…−105, Low −105…−115 dBm RSRP: 10 dB
 * steps down to a floor); Helium changed such numbers often, so they are configuration.
 *
 * <p>A signal is HIGH at or above {@code highMinDbm}, MEDIUM at or above {@code mediumMinDbm}, LOW
 * at or above the receiver floor (the sensitivity of the beacon's datarate, or −85 dBm for Wi-Fi),
 * and NONE below the floor. A measured signal that was heard is above the floor by definition.
 *
 * <p>Defaults: LoRa High ≥ −100 dBm, Medium ≥ −110 dBm; Low then spans down to the SF's sensitivity
 * (−124 … −137 dBm at BW125), the last 15–25 dB of margin where packets still decode but fade
 * margin is thin. Wi-Fi High ≥ −65 dBm, Medium ≥ −75 dBm (common Wi-Fi site-survey grades), Low ≥
 * −85 dBm (HIP 93).
 *
 * @param lora thresholds for LoRa, not null
 * @param wifi thresholds for Wi-Fi, not null
 */
public record SignalLevels(Thresholds lora, Thresholds wifi) {

  /** The documented defaults above. */
  public static final SignalLevels DEFAULT =
      new SignalLevels(new Thresholds(-100.0, -110.0), new Thresholds(-65.0, -75.0));

  /** Validates. */
  public SignalLevels {
    Objects.requireNonNull(lora, "lora");
    Objects.requireNonNull(wifi, "wifi");
  }

  /**
   * The thresholds of one technology.
   *
   * @param technology not null
   * @return its thresholds
   */
  public Thresholds of(RadioTechnology technology) {
    return technology == RadioTechnology.WIFI ? wifi : lora;
  }

  /**
   * High and medium thresholds of one technology.
   *
   * @param highMinDbm weakest HIGH signal in dBm, finite, &gt; {@code mediumMinDbm}
   * @param mediumMinDbm weakest MEDIUM signal in dBm, finite
   */
  public record Thresholds(double highMinDbm, double mediumMinDbm) {
    /**
     * Validates the order.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public Thresholds {
      Checks.inRange("highMinDbm", highMinDbm, -200, 50);
      Checks.inRange("mediumMinDbm", mediumMinDbm, -200, 50);
      if (!(highMinDbm > mediumMinDbm)) {
        throw new IllegalArgumentException(
            "highMinDbm: expected > mediumMinDbm (" + mediumMinDbm + "), got " + highMinDbm);
      }
    }

    /**
     * Classifies a signal.
     *
     * @param rssiDbm the signal in dBm, finite
     * @param floorDbm the receiver floor in dBm; pass {@code Double.NEGATIVE_INFINITY} for a signal
     *     known to have been received
     * @return the level
     */
    public SignalLevel classify(double rssiDbm, double floorDbm) {
      Checks.finite("rssiDbm", rssiDbm);
      if (rssiDbm < floorDbm) {
        return SignalLevel.NONE;
      }
      if (rssiDbm >= highMinDbm) {
        return SignalLevel.HIGH;
      }
      return rssiDbm >= mediumMinDbm ? SignalLevel.MEDIUM : SignalLevel.LOW;
    }
  }
}
