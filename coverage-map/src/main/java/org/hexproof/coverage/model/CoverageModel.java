package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.RadioTechnology;

/**
 * Consumes the verified-PoC feed and field measurements incrementally and produces {@link
 * CoverageMap} snapshots for one technology.
 *
 * <p>Each witness updates its beaconer's running least-squares sums in O(1) and marks it dirty; a
 * snapshot refits and re-predicts only dirty hotspots and reuses the others' predictions. A valid
 * witness is also a valid PoC of its beaconer at {@code observedAt}. Re-registering a hotspot at a
 * new location or with a new radio discards its samples: they described the old placement.
 *
 * <p>Not thread-safe: one feed consumer owns it and publishes immutable snapshots.
 */
public final class CoverageModel {
  private final RadioTechnology technology;
  private final CoverageSettings settings;
  private final Map<PublicKey, HotspotProfile> profiles = new HashMap<>();
  private final Map<PublicKey, PathLossStats> stats = new HashMap<>();
  private final Map<PublicKey, Instant> lastValidPoc = new HashMap<>();
  private final Map<PublicKey, HotspotCoverage> predictions = new HashMap<>();
  private final Set<PublicKey> dirty = new HashSet<>();
  private final List<Measurement> measurements = new ArrayList<>();

  /**
   * An empty model.
   *
   * @param technology the technology of the hotspots it will accept, not null
   * @param settings thresholds and windows, not null
   */
  public CoverageModel(RadioTechnology technology, CoverageSettings settings) {
    this.technology = Objects.requireNonNull(technology, "technology");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Registers or updates a hotspot's location and radio.
   *
   * @param profile the hotspot, not null
   * @throws IllegalArgumentException if its radio is of the other technology
   */
  public void registerHotspot(HotspotProfile profile) {
    if (profile.radio().technology() != technology) {
      throw new IllegalArgumentException(
          "hotspot radio: expected " + technology + ", got " + profile.radio());
    }
    HotspotProfile previous = profiles.put(profile.key(), profile);
    if (previous != null && !previous.equals(profile)) {
      stats.remove(profile.key());
      predictions.remove(profile.key());
    }
    dirty.add(profile.key());
  }

  /**
   * Forgets a hotspot's profile and samples, as when it now beacons with the other technology. Its
   * valid PoCs stay known.
   *
   * @param hotspot the hotspot, not null
   */
  public void removeHotspot(PublicKey hotspot) {
    Objects.requireNonNull(hotspot, "hotspot");
    profiles.remove(hotspot);
    stats.remove(hotspot);
    predictions.remove(hotspot);
    dirty.remove(hotspot);
  }

  /**
   * Records a valid PoC of a hotspot (as beaconer or witness). Older times than the one recorded
   * are ignored.
   *
   * @param hotspot the hotspot, not null
   * @param at when, not null
   */
  public void recordValidPoc(PublicKey hotspot, Instant at) {
    Objects.requireNonNull(at, "at");
    lastValidPoc.merge(Objects.requireNonNull(hotspot, "hotspot"), at, CoverageModel::later);
  }

  /**
   * Records one valid witness of a beacon.
   *
   * @param sample the witness, not null
   */
  public void recordWitness(WitnessSample sample) {
    stats.computeIfAbsent(sample.beaconer(), k -> new PathLossStats()).add(sample);
    recordValidPoc(sample.beaconer(), sample.observedAt());
    dirty.add(sample.beaconer());
  }

  /**
   * Records one field measurement.
   *
   * @param measurement the measurement, not null
   */
  public void recordMeasurement(Measurement measurement) {
    measurements.add(Objects.requireNonNull(measurement, "measurement"));
  }

  /**
   * The field measurements held, as of the last {@link #snapshot}'s window and any recorded since.
   *
   * @return an unmodifiable view, oldest recorded first; valid until the next call that changes the
   *     model
   */
  public List<Measurement> measurements() {
    return Collections.unmodifiableList(measurements);
  }

  /**
   * The path-loss model currently fitted for a hotspot.
   *
   * @param hotspot the hotspot, not null
   * @return the model, or empty without witnesses
   */
  public Optional<PathLossModel> model(PublicKey hotspot) {
    PathLossStats s = stats.get(hotspot);
    return s == null ? Optional.empty() : s.fit(settings.pathLoss());
  }

  /**
   * Builds a snapshot for {@code now}, dropping measurements older than the measurement window.
   *
   * @param now the instant the map is for, not null
   * @return the map
   */
  public CoverageMap snapshot(Instant now) {
    Instant measuredSince = now.minus(settings.measurementMaxAge());
    measurements.removeIf(m -> m.observedAt().isBefore(measuredSince));
    for (PublicKey key : dirty) {
      HotspotProfile profile = profiles.get(key);
      PathLossStats s = stats.get(key);
      Optional<PathLossModel> model = s == null ? Optional.empty() : s.fit(settings.pathLoss());
      if (profile == null || model.isEmpty()) {
        predictions.remove(key);
      } else {
        predictions.put(
            key, HotspotCoverage.predict(profile, model.get(), s.furthestMeters(), settings));
      }
    }
    dirty.clear();
    return CoverageMap.build(
        technology, predictions.values(), lastValidPoc, measurements, now, settings);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
