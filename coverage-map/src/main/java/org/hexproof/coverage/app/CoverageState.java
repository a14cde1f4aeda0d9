package org.hexproof.coverage.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.RadioTechnology;
import org.hexproof.coverage.feed.FeedEvent;
import org.hexproof.coverage.feed.FeedSink;
import org.hexproof.coverage.feed.PageUpdate;
import org.hexproof.coverage.model.AccuracyReport;
import org.hexproof.coverage.model.BeaconRadio;
import org.hexproof.coverage.model.CoverageMap;
import org.hexproof.coverage.model.CoverageModel;
import org.hexproof.coverage.model.CoverageSettings;
import org.hexproof.coverage.model.HotspotProfile;
import org.hexproof.coverage.model.Measurement;
import org.hexproof.coverage.model.ModelAccuracy;
import org.hexproof.coverage.model.PathLossModel;
import org.hexproof.coverage.model.WitnessSample;
import org.hexproof.coverage.store.CoverageStore;
import org.hexproof.coverage.store.CursorConflictException;
import org.hexproof.coverage.store.StoredHotspot;
import org.hexproof.coverage.store.StoredInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's one mutable thing: the {@link CoverageModel}s (LoRa, and Wi-Fi at res 12) and the
 * hotspot registry, written under this object's lock (feed thread, measurement uploads), read
 * through immutable {@link Snapshot}s that requests take without locking. Every write goes to the
 * database first; memory changes only after the commit.
 */
final class CoverageState implements FeedSink {
  private static final Logger LOG = LoggerFactory.getLogger(CoverageState.class);

  private final CoverageStore store;
  private final Clock clock;
  private final CoverageSettings settings;
  private final Duration refreshInterval;

  /** LoRa: beacons at a LoRa datarate, and the drive-test measurements (LoRa mappers). */
  private CoverageModel model;

  /** Wi-Fi: beacons at WIFI_2G4, mapped at res 12 (coverage-rewards.md §1.2, HIP 74). */
  private CoverageModel wifi;

  private final Map<PublicKey, StoredHotspot> hotspots = new HashMap<>();
  private long cursor;
  private long version;
  private Instant publishedAt = Instant.MIN;
  private volatile Snapshot snapshot;

  /**
   * An immutable view for requests.
   *
   * @param version increases with every rebuild; part of the tile cache key
   * @param map the LoRa coverage map
   * @param wifiMap the Wi-Fi coverage map
   * @param hotspots every hotspot the feed named
   * @param modelSamples valid witnesses behind each beaconer's current path-loss fit
   * @param cursor the feed id the map includes
   */
  record Snapshot(
      long version,
      CoverageMap map,
      CoverageMap wifiMap,
      Map<PublicKey, StoredHotspot> hotspots,
      Map<PublicKey, Integer> modelSamples,
      long cursor) {

    /**
     * The map of one technology.
     *
     * @param technology LORA or WIFI
     * @return that map
     */
    CoverageMap map(RadioTechnology technology) {
      return technology == RadioTechnology.WIFI ? wifiMap : map;
    }
  }

  CoverageState(
      CoverageStore store, Clock clock, CoverageSettings settings, Duration refreshInterval) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
  }

  /** Rebuilds the model from the database and publishes a snapshot. */
  synchronized void load() {
    Instant now = clock.instant();
    StoredInputs inputs = store.load(now.minus(settings.measurementMaxAge()));
    model = new CoverageModel(RadioTechnology.LORA, settings);
    wifi = new CoverageModel(RadioTechnology.WIFI, settings);
    hotspots.clear();
    for (StoredHotspot h : inputs.hotspots()) {
      hotspots.put(h.key(), h);
      register(h);
    }
    for (WitnessSample s : inputs.samples()) {
      modelOf(s.beaconer()).recordWitness(s);
    }
    for (StoredHotspot h : inputs.hotspots()) {
      h.lastValidPoc().ifPresent(at -> recordValidPoc(h.key(), at));
    }
    inputs.measurements().forEach(model::recordMeasurement);
    cursor = inputs.cursor();
    publish();
    LOG.info(
        "coverage rebuilt from storage: feed cursor {}, {} hotspots, {} samples, {} measurements,"
            + " {} LoRa cells, {} Wi-Fi cells",
        cursor,
        hotspots.size(),
        inputs.samples().size(),
        inputs.measurements().size(),
        snapshot.map().cells().size(),
        snapshot.wifiMap().cells().size());
  }

  @Override
  public synchronized long cursor() {
    return cursor;
  }

  @Override
  public synchronized void accept(PageUpdate update) {
    if (update.after() != cursor) {
      throw new IllegalStateException(
          "page after " + update.after() + " does not start at the cursor " + cursor);
    }
    try {
      store.applyPage(update);
    } catch (CursorConflictException e) {
      LOG.warn("{}; reloading coverage from storage", e.getMessage());
      load();
      throw e;
    }
    for (FeedEvent event : update.events()) {
      apply(event);
    }
    cursor = update.lastId();
    publish();
  }

  private void apply(FeedEvent event) {
    if (event instanceof FeedEvent.Registered r) {
      StoredHotspot h = known(r.hotspot()).registered(r.location(), r.radio());
      hotspots.put(h.key(), h);
      register(h);
    } else if (event instanceof FeedEvent.Sighted s) {
      hotspots.put(s.hotspot(), known(s.hotspot()).sighted(s.location()));
    } else if (event instanceof FeedEvent.ValidPoc p) {
      hotspots.put(p.hotspot(), known(p.hotspot()).validPoc(p.at(), p.asBeaconer()));
      recordValidPoc(p.hotspot(), p.at());
    } else if (event instanceof FeedEvent.Witnessed w) {
      modelOf(w.sample().beaconer()).recordWitness(w.sample());
    }
  }

  /** A valid PoC keeps a hotspot fresh on whichever map it is drawn on. */
  private void recordValidPoc(PublicKey hotspot, Instant at) {
    model.recordValidPoc(hotspot, at);
    wifi.recordValidPoc(hotspot, at);
  }

  /** The model a beaconer's samples belong to: Wi-Fi for a Wi-Fi beaconer, else LoRa. */
  private CoverageModel modelOf(PublicKey beaconer) {
    StoredHotspot h = hotspots.get(beaconer);
    boolean isWifi =
        h != null && h.radio().map(r -> r.technology() == RadioTechnology.WIFI).orElse(false);
    return isWifi ? wifi : model;
  }

  private StoredHotspot known(PublicKey key) {
    return hotspots.getOrDefault(key, StoredHotspot.named(key));
  }

  private void register(StoredHotspot h) {
    if (h.location().isPresent() && h.radio().isPresent()) {
      BeaconRadio radio = h.radio().get();
      boolean isWifi = radio.technology() == RadioTechnology.WIFI;
      // a hotspot that switched technology leaves the other map
      (isWifi ? model : wifi).removeHotspot(h.key());
      (isWifi ? wifi : model)
          .registerHotspot(new HotspotProfile(h.key(), h.location().get().center(), radio));
    }
  }

  /**
   * Stores measurements, then adds the new ones to the model and republishes.
   *
   * @param measurements validated measurements
   * @return those that were not stored before
   */
  synchronized List<Measurement> addMeasurements(List<Measurement> measurements) {
    List<Measurement> stored = store.addMeasurements(measurements);
    stored.forEach(model::recordMeasurement);
    publish();
    return stored;
  }

  /**
   * The model judged against the measurements it holds, with the hotspots counted on the current
   * map (under the lock, so both are of the same publication).
   *
   * @param only one hotspot to list alone, or empty for every hotspot with evidence
   * @return the report and the snapshot it was computed from
   */
  synchronized Judged accuracy(Optional<PublicKey> only) {
    Snapshot s = snapshot;
    return new Judged(s, ModelAccuracy.evaluate(s.map().hotspots(), model.measurements(), only));
  }

  /**
   * An accuracy report and the map it judged.
   *
   * @param snapshot the map
   * @param report the report
   */
  record Judged(Snapshot snapshot, AccuracyReport report) {}

  @Override
  public synchronized void tick() {
    if (!clock.instant().isBefore(publishedAt.plus(refreshInterval))) {
      publish();
    }
  }

  /** Rebuilds the map for the current time now. */
  synchronized void refresh() {
    publish();
  }

  Snapshot current() {
    return snapshot;
  }

  private void publish() {
    Instant now = clock.instant();
    CoverageMap map = model.snapshot(now);
    CoverageMap wifiMap = wifi.snapshot(now);
    Map<PublicKey, Integer> samples = new HashMap<>();
    for (StoredHotspot h : hotspots.values()) {
      modelOf(h.key())
          .model(h.key())
          .map(PathLossModel::sampleCount)
          .ifPresent(n -> samples.put(h.key(), n));
    }
    version++;
    publishedAt = now;
    snapshot =
        new Snapshot(version, map, wifiMap, Map.copyOf(hotspots), Map.copyOf(samples), cursor);
  }
}
