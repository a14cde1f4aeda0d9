package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.RadioTechnology;

/** Shared test values: deterministic keys, a place (Valletta, Malta) and a fixed "now". */
public final class Fixtures {
  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  public static final LatLng VALLETTA = new LatLng(35.8989, 14.5146);
  public static final BeaconRadio SF9 = new BeaconRadio.Lora(LoraDataRate.parse("SF9BW125"));

  private Fixtures() {}

  /** A deterministic key: the Ed25519 public key of a seed filled with {@code n}. */
  public static PublicKey key(int n) {
    byte[] seed = new byte[Ed25519KeyPair.SEED_LENGTH];
    Arrays.fill(seed, (byte) n);
    return Ed25519KeyPair.fromSeed(Network.TESTNET, seed).publicKey();
  }

  public static HotspotProfile hotspot(int n, LatLng at) {
    return new HotspotProfile(key(n), at, SF9);
  }

  /** A point {@code meters} east of {@code origin}. */
  public static LatLng east(LatLng origin, double meters) {
    double dLng =
        Math.toDegrees(
            meters
                / (GreatCircle.EARTH_RADIUS_METERS
                    * Math.cos(Math.toRadians(origin.latDegrees()))));
    return new LatLng(origin.latDegrees(), origin.lngDegrees() + dLng);
  }

  public static WitnessSample witness(PublicKey beaconer, double meters, double rssiDbm) {
    return new WitnessSample(
        beaconer,
        east(VALLETTA, meters),
        meters,
        rssiDbm,
        5.0,
        868_100_000L,
        NOW.minusSeconds(600));
  }

  /** A SF9 hotspot at Valletta: -105 dBm at 1 km, n = 3, furthest witness 1.5 km. */
  public static HotspotCoverage sampleHotspot() {
    return HotspotCoverage.predict(
        hotspot(1, VALLETTA), model(-105, 3.0), 1500, CoverageSettings.DEFAULT);
  }

  /**
   * A LoRa map of {@link #sampleHotspot()}, fresh, with a silent measurement at Valletta and a
   * heard one (-101 dBm) 900 m east.
   */
  public static CoverageMap sampleMap() {
    return CoverageMap.build(
        RadioTechnology.LORA,
        List.of(sampleHotspot()),
        Map.of(key(1), NOW),
        List.of(
            Measurement.notHeard(VALLETTA, NOW),
            Measurement.heard(east(VALLETTA, 900), NOW, -101, 2, Set.of(key(1)))),
        NOW,
        CoverageSettings.DEFAULT);
  }

  /** A model with RSSI {@code a} at 1 km and exponent {@code n}. */
  public static PathLossModel model(double a, double n) {
    return new PathLossModel(a, n, 10, PathLossModel.Fit.LEAST_SQUARES);
  }
}
