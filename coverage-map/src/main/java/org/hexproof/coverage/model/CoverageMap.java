package org.hexproof.coverage.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.RadioTechnology;

/**
 * An immutable snapshot of coverage for one technology at one instant: cells at the technology's
 * resolution (res 9 LoRa, res 12 Wi-Fi), each modeled (best over fresh hotspots) or measured
 * (measurements override the model in their cell).
 */
public final class CoverageMap {
  private final RadioTechnology technology;
  private final int resolution;
  private final Instant asOf;
  private final CoverageSettings settings;
  private final Map<H3Cell, CellCoverage> cells;
  private final Map<PublicKey, HotspotCoverage> hotspots;
  private final int hotspotsStale;

  private CoverageMap(
      RadioTechnology technology,
      Instant asOf,
      CoverageSettings settings,
      Map<H3Cell, CellCoverage> cells,
      Map<PublicKey, HotspotCoverage> hotspots,
      int hotspotsStale) {
    this.technology = technology;
    this.resolution = BeaconRadio.resolutionOf(technology);
    this.asOf = asOf;
    this.settings = settings;
    this.cells = Map.copyOf(cells);
    this.hotspots = Map.copyOf(hotspots);
    this.hotspotsStale = hotspotsStale;
  }

  /**
   * Builds a map.
   *
   * @param technology which technology this map is for; hotspots of the other are rejected
   * @param predictions each hotspot's predicted coverage, not null
   * @param lastValidPocAt each hotspot's last valid PoC; a hotspot without an entry, or whose entry
   *     is older than {@code now − freshnessWindow}, does not count
   * @param measurements field measurements; those older than {@code now − measurementMaxAge} are
   *     ignored
   * @param now the instant the map is for (domain code takes time as a parameter), not null
   * @param settings thresholds and windows, not null
   * @return the map
   * @throws IllegalArgumentException if a prediction is for another technology
   */
  public static CoverageMap build(
      RadioTechnology technology,
      Collection<HotspotCoverage> predictions,
      Map<PublicKey, Instant> lastValidPocAt,
      Collection<Measurement> measurements,
      Instant now,
      CoverageSettings settings) {
    Objects.requireNonNull(technology, "technology");
    Objects.requireNonNull(now, "now");
    Instant freshSince = now.minus(settings.freshnessWindow());
    Instant measuredSince = now.minus(settings.measurementMaxAge());
    CoverageMapBuilder builder = new CoverageMapBuilder(technology, settings);
    Map<PublicKey, HotspotCoverage> counted = new HashMap<>();
    int stale = 0;
    for (HotspotCoverage p : predictions) {
      if (p.hotspot().radio().technology() != technology) {
        throw new IllegalArgumentException(
            "predictions: expected " + technology + " hotspots, got " + p.hotspot().radio());
      }
      builder.knowLocation(p.hotspot());
      Instant poc = lastValidPocAt.get(p.hotspot().key());
      if (poc == null || poc.isBefore(freshSince)) {
        stale++;
        continue;
      }
      counted.put(p.hotspot().key(), p);
      builder.addHotspot(p, poc);
    }
    for (Measurement m : measurements) {
      if (!m.observedAt().isBefore(measuredSince)) {
        builder.addMeasurement(m);
      }
    }
    return new CoverageMap(technology, now, settings, builder.build(), counted, stale);
  }

  /** The technology. */
  public RadioTechnology technology() {
    return technology;
  }

  /** The H3 resolution of {@link #cells()}. */
  public int resolution() {
    return resolution;
  }

  /** The instant the map was built for. */
  public Instant asOf() {
    return asOf;
  }

  /** The settings the map was built with. */
  public CoverageSettings settings() {
    return settings;
  }

  /**
   * Answers "is there coverage here?".
   *
   * @param point the point, not null
   * @return the coverage of the point's cell, or NOT_MAPPED
   */
  public PointCoverage lookup(LatLng point) {
    H3Cell cell = H3Cell.fromLatLng(point, resolution);
    CellCoverage c = cells.get(cell);
    return c == null ? PointCoverage.notMapped(point, cell) : PointCoverage.of(point, c);
  }

  /**
   * The coverage of one cell.
   *
   * @param cell a cell at {@link #resolution()} or finer (finer cells answer for their parent)
   * @return the cell's coverage, or empty when not mapped
   * @throws IllegalArgumentException if the cell is coarser than the map
   */
  public Optional<CellCoverage> cell(H3Cell cell) {
    if (cell.resolution() < resolution) {
      throw new IllegalArgumentException(
          "cell: expected resolution ≥ " + resolution + ", got " + cell.resolution());
    }
    return Optional.ofNullable(cells.get(cell.parent(resolution)));
  }

  /** Every mapped cell at {@link #resolution()}, in no particular order; unmodifiable. */
  public Collection<CellCoverage> cells() {
    return cells.values();
  }

  /**
   * The cells aggregated to a coarser resolution: each parent takes the best level of its children
   * (then the strongest RSSI), sums their sample counts and keeps the newest freshness.
   *
   * @param targetResolution in [0, {@link #resolution()}]; equal returns the cells as they are
   * @return the aggregated cells, in no particular order
   * @throws IllegalArgumentException if the resolution is out of range
   */
  public List<CellCoverage> cellsAt(int targetResolution) {
    if (targetResolution < 0 || targetResolution > resolution) {
      throw new IllegalArgumentException(
          "resolution: expected a value in [0, " + resolution + "], got " + targetResolution);
    }
    if (targetResolution == resolution) {
      return List.copyOf(cells.values());
    }
    Map<H3Cell, List<CellCoverage>> groups = new HashMap<>();
    for (CellCoverage c : cells.values()) {
      groups.computeIfAbsent(c.cell().parent(targetResolution), p -> new ArrayList<>()).add(c);
    }
    List<CellCoverage> out = new ArrayList<>(groups.size());
    groups.forEach(
        (parent, children) ->
            out.add(CellMerge.intoParent(parent, children, settings.maxBestHotspots())));
    return out;
  }

  /**
   * One counted hotspot's own predicted coverage, independent of other hotspots.
   *
   * @param hotspot the hotspot's key, not null
   * @return its coverage, or empty if it is unknown, has no model, or is stale
   */
  public Optional<HotspotCoverage> hotspot(PublicKey hotspot) {
    return Optional.ofNullable(hotspots.get(hotspot));
  }

  /** The hotspots that count (fresh valid PoC and a model); unmodifiable. */
  public Collection<HotspotCoverage> hotspots() {
    return hotspots.values();
  }

  /** Counts by level and source, hotspots counted and stale, and freshness range. */
  public CoverageSummary summary() {
    Map<SignalLevel, Integer> byLevel = new EnumMap<>(SignalLevel.class);
    Map<CoverageSource, Integer> bySource = new EnumMap<>(CoverageSource.class);
    for (SignalLevel l : SignalLevel.values()) {
      byLevel.put(l, 0);
    }
    for (CoverageSource s : CoverageSource.values()) {
      bySource.put(s, 0);
    }
    Instant newest = null;
    Instant oldest = null;
    for (CellCoverage c : cells.values()) {
      byLevel.merge(c.level(), 1, Integer::sum);
      bySource.merge(c.source(), 1, Integer::sum);
      Instant t = c.lastObservedAt();
      newest = newest == null || t.isAfter(newest) ? t : newest;
      oldest = oldest == null || t.isBefore(oldest) ? t : oldest;
    }
    return new CoverageSummary(
        technology,
        resolution,
        asOf,
        byLevel,
        bySource,
        hotspots.size(),
        hotspotsStale,
        Optional.ofNullable(newest),
        Optional.ofNullable(oldest));
  }
}
