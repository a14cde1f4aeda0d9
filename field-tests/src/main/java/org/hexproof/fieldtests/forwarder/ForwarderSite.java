package org.hexproof.fieldtests.forwarder;

import java.util.Objects;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.core.radio.Region;
import org.hexproof.fieldtests.rf.RadioSite;
import org.hexproof.gateway.semtech.Eui64;

/**
 * Who a {@link SimulatedForwarder} is and where it stands.
 *
 * @param eui the gateway EUI it announces; also its radio id on the medium
 * @param region a LoRa region: it listens on the region's eight beacon channels
 * @param position antenna position
 * @param antennaGainDdbi antenna gain, tenths of a dBi
 * @param elevationMeters antenna height above ground, metres
 */
public record ForwarderSite(
    Eui64 eui, Region region, LatLng position, int antennaGainDdbi, double elevationMeters) {

  /** Validates; the gain and elevation ranges are {@link RadioSite}'s. */
  public ForwarderSite {
    Objects.requireNonNull(eui, "eui");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(position, "position");
    if (region.plan().technology() != RadioTechnology.LORA) {
      throw new IllegalArgumentException("region: expected a LoRa region, got " + region);
    }
    radioSite(eui, position, antennaGainDdbi, elevationMeters);
  }

  /** A forwarder at ground level. */
  public static ForwarderSite at(Eui64 eui, Region region, LatLng position, int antennaGainDdbi) {
    return new ForwarderSite(eui, region, position, antennaGainDdbi, 0.0);
  }

  /** Its site on the medium, keyed by the EUI's text. */
  public RadioSite radioSite() {
    return radioSite(eui, position, antennaGainDdbi, elevationMeters);
  }

  private static RadioSite radioSite(Eui64 eui, LatLng position, int gain, double elevation) {
    return new RadioSite(eui.toString(), position, gain, elevation);
  }
}
