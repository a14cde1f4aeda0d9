package org.hexproof.coverage.store;

import java.util.List;
import org.hexproof.coverage.model.Measurement;
import org.hexproof.coverage.model.WitnessSample;

/**
 * Everything needed to rebuild the model.
 *
 * @param cursor the last feed id applied
 * @param hotspots every hotspot named by the feed
 * @param samples valid witness samples, in feed order
 * @param measurements field measurements within the measurement window, oldest first
 */
public record StoredInputs(
    long cursor,
    List<StoredHotspot> hotspots,
    List<WitnessSample> samples,
    List<Measurement> measurements) {
  /** Copies. */
  public StoredInputs {
    hotspots = List.copyOf(hotspots);
    samples = List.copyOf(samples);
    measurements = List.copyOf(measurements);
  }
}
