package org.hexproof.poc.verify;

import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.core.radio.Region;

/**
 * The rule profiles of one network, chosen per beacon by the beaconer's asserted region: a beacon
 * from a {@code WIFI-2G4} hotspot is judged by {@link #wifi()}, every other by {@link #lora()}. The
 * witnesses of a beacon are judged by the beacon's profile, since they heard its radio.
 *
 * <p>Both profiles share the entropy lifespan: the verifier claims a beacon once its entropy window
 * has closed, before it knows which profile the beacon needs.
 *
 * @param lora judges LoRa beacons (and beacons of hotspots without a region)
 * @param wifi judges WiFi beacons
 */
public record RuleProfiles(RuleProfile lora, RuleProfile wifi) {

  /**
   * Validates that the profiles share the entropy lifespan.
   *
   * @throws IllegalArgumentException naming both lifespans otherwise
   */
  public RuleProfiles {
    Objects.requireNonNull(lora, "lora");
    Objects.requireNonNull(wifi, "wifi");
    if (!lora.entropyLifespan().equals(wifi.entropyLifespan())) {
      throw new IllegalArgumentException(
          "expected one entropy lifespan for LoRa and WiFi beacons, got "
              + lora.entropyLifespan()
              + " ("
              + lora.name()
              + ") and "
              + wifi.entropyLifespan()
              + " ("
              + wifi.name()
              + ")");
    }
  }

  /** Helium's IoT profile for LoRa beacons and {@link RuleProfile#wifi()} for WiFi beacons. */
  public static RuleProfiles helium() {
    return new RuleProfiles(RuleProfile.heliumIot2025(), RuleProfile.wifi());
  }

  /**
   * A network judged by {@code lora}, its WiFi beacons by the same network constants with the WiFi
   * radio constants ({@link RuleProfile#withWifiRadio}).
   */
  public static RuleProfiles of(RuleProfile lora) {
    return new RuleProfiles(lora, lora.withWifiRadio(lora.name() + "+wifi-2g4"));
  }

  /** The profile for a beacon sent in {@code region}. */
  public RuleProfile forRegion(Region region) {
    return region.plan().technology() == RadioTechnology.WIFI ? wifi : lora;
  }

  /**
   * The profile for a beacon of this beaconer: by its region, {@link #lora()} when the beaconer is
   * unknown or has no location (the rules then reject the beacon whatever the profile).
   */
  public RuleProfile forBeaconer(Optional<HotspotInfo> beaconer) {
    return beaconer.map(HotspotInfo::region).map(this::forRegion).orElse(lora);
  }

  /** Both profiles with another selection cap. */
  public RuleProfiles withMaxWitnesses(int count) {
    return new RuleProfiles(lora.withMaxWitnesses(count), wifi.withMaxWitnesses(count));
  }
}
