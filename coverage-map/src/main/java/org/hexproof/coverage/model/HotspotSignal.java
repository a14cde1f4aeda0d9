package org.hexproof.coverage.model;

import java.util.Comparator;
import java.util.Objects;
import org.hexproof.core.keys.PublicKey;

/**
 * One hotspot's signal in a cell.
 *
 * @param hotspot the hotspot, not null
 * @param distanceMeters from the hotspot's asserted location to the cell centre, in metres, ≥ 0
 * @param rssiDbm the predicted RSSI at the cell centre (modeled cells) or the best RSSI at which
 *     the hotspot heard a measurement in the cell (measured cells), in dBm, finite
 */
public record HotspotSignal(PublicKey hotspot, double distanceMeters, double rssiDbm) {

  /** Strongest first; ties by hotspot key, so lists are deterministic. */
  public static final Comparator<HotspotSignal> STRONGEST_FIRST =
      Comparator.comparingDouble(HotspotSignal::rssiDbm)
          .reversed()
          .thenComparing(HotspotSignal::hotspot);

  /** Validates. */
  public HotspotSignal {
    Objects.requireNonNull(hotspot, "hotspot");
    if (!Double.isFinite(distanceMeters) || distanceMeters < 0) {
      throw new IllegalArgumentException(
          "distanceMeters: expected a finite value ≥ 0, got " + distanceMeters);
    }
    Checks.finite("rssiDbm", rssiDbm);
  }
}
