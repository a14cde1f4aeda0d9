package org.hexproof.fieldtests.rf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.hexproof.core.radio.LoraDataRate;

/**
 * Received power, noise and demodulation for one link (pure; the equations are in the package
 * documentation).
 */
public final class LinkBudget {
  /** Speed of light, m/s (exact, SI). */
  public static final double SPEED_OF_LIGHT_M_PER_S = 299_792_458.0;

  /** Thermal noise density at 290 K, dBm/Hz (radio.md §3.2). */
  public static final double THERMAL_NOISE_DBM_PER_HZ = -174.0;

  /** WiFi noise bandwidth: one 20 MHz 2.4 GHz channel, Hz. */
  public static final long WIFI_NOISE_BANDWIDTH_HZ = 20_000_000L;

  /**
   * SNR a 1 Mb/s DSSS (DBPSK) beacon needs, dB. Chosen, not measured: with a 6 dB noise figure it
   * puts the floor at −91 dBm, between the IEEE 802.11 DSSS minimum (−80 dBm for FER &lt; 8 %,
   * 802.11-2016 §15.4.8.5) and the −98 dBm ESP32/ESP8266 datasheets quote for 802.11b 1 Mb/s.
   */
  public static final double WIFI_MIN_SNR_DB = 4.0;

  private final RfEnvironment environment;

  /** A budget in this environment. */
  public LinkBudget(RfEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** The environment. */
  public RfEnvironment environment() {
    return environment;
  }

  /**
   * Free-space path loss, {@code 20·log10(4π·d·f / c)}, dB; distances under 1 cm count as 1 cm.
   *
   * @param distanceMeters ≥ 0
   * @param frequencyHz &gt; 0
   */
  public static double freeSpacePathLossDb(double distanceMeters, long frequencyHz) {
    double d = Math.max(distanceMeters, 0.01);
    return 20.0 * Math.log10(4.0 * Math.PI * d * frequencyHz / SPEED_OF_LIGHT_M_PER_S);
  }

  /**
   * Median log-distance loss, {@code FSPL(d0, f) + 10·n·log10(d / d0)} for d ≥ d0, and free-space
   * loss inside d0, dB.
   */
  public double medianPathLossDb(double distanceMeters, long frequencyHz) {
    double d0 = environment.referenceDistanceMeters();
    if (distanceMeters <= d0) {
      return freeSpacePathLossDb(distanceMeters, frequencyHz);
    }
    return freeSpacePathLossDb(d0, frequencyHz)
        + 10.0 * environment.pathLossExponent() * Math.log10(distanceMeters / d0);
  }

  /**
   * The shadowing of the unordered link {a, b}: σ·z with z standard normal, drawn by Box–Muller
   * from SHA-256(seed ‖ min(a,b) ‖ max(a,b)). The same pair and seed always give the same value, in
   * either direction. Positive values are extra loss. Unclamped: see {@link #pathLossDb}.
   */
  public double shadowingDb(String a, String b) {
    if (environment.shadowingSigmaDb() == 0) {
      return 0.0;
    }
    String first = a.compareTo(b) <= 0 ? a : b;
    String second = first.equals(a) ? b : a;
    ByteBuffer digest = ByteBuffer.wrap(sha256(environment.seed(), first, second));
    double u1 = ((digest.getLong() >>> 11) + 1) * 0x1.0p-53; // (0, 1]: log stays finite
    double u2 = (digest.getLong() >>> 11) * 0x1.0p-53; // [0, 1)
    double z = Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    return environment.shadowingSigmaDb() * z;
  }

  /**
   * Total loss of the link: median loss plus shadowing, never below free-space loss. The clamp is
   * physical (a terrestrial link cannot beat free space; a simulator that produced RSSI above it
   * would fail the oracle's bad_rssi rule, poc-rules.md §2 item 12), and it truncates the
   * shadowing's lower tail where the median is close to free space, i.e. within metres.
   */
  public double pathLossDb(Link link) {
    double fspl = freeSpacePathLossDb(link.distanceMeters(), link.frequencyHz());
    double loss =
        medianPathLossDb(link.distanceMeters(), link.frequencyHz())
            + shadowingDb(link.txId(), link.rxId());
    return Math.max(fspl, loss);
  }

  /** Received power, {@code EIRP − PL + G_rx}, dBm. */
  public double receivedPowerDbm(Link link) {
    return link.eirpDbm() + link.rxGainDbi() - pathLossDb(link);
  }

  /** Noise floor {@code −174 + 10·log10(BW) + NF}, dBm. */
  public double noiseFloorDbm(double bandwidthHz) {
    if (!(bandwidthHz > 0)) {
      throw new IllegalArgumentException("bandwidth: expected > 0 Hz, got " + bandwidthHz);
    }
    return THERMAL_NOISE_DBM_PER_HZ + 10.0 * Math.log10(bandwidthHz) + environment.noiseFigureDb();
  }

  /**
   * Minimum SNR to demodulate a LoRa spreading factor, dB: SX1276 Table 13 for SF6–SF12 (radio.md
   * §3.2); SF5 −2.5 dB from the SX1261/2 datasheet (not in radio.md).
   *
   * @throws IllegalArgumentException outside 5..12
   */
  public static double loraMinSnrDb(int spreadingFactor) {
    return switch (spreadingFactor) {
      case 5 -> -2.5;
      case 6 -> -5.0;
      case 7 -> -7.5;
      case 8 -> -10.0;
      case 9 -> -12.5;
      case 10 -> -15.0;
      case 11 -> -17.5;
      case 12 -> -20.0;
      default ->
          throw new IllegalArgumentException(
              "spreading factor: expected 5..12, got " + spreadingFactor);
    };
  }

  /** A LoRa frame at {@code dataRate} over {@code link}. */
  public Reception lora(Link link, LoraDataRate dataRate) {
    return new Reception(
        receivedPowerDbm(link),
        noiseFloorDbm(dataRate.bandwidth().hertz()),
        loraMinSnrDb(dataRate.spreadingFactor()));
  }

  /** A 2.4 GHz WiFi beacon at 1 Mb/s over {@code link}. */
  public Reception wifi(Link link) {
    return new Reception(
        receivedPowerDbm(link), noiseFloorDbm(WIFI_NOISE_BANDWIDTH_HZ), WIFI_MIN_SNR_DB);
  }

  private static byte[] sha256(long seed, String first, String second) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
    for (String id : new String[] {first, second}) {
      byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
      sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      sha.update(bytes);
    }
    return sha.digest();
  }
}
