package org.hexproof.poc.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.poc.density.DensityParameters;
import org.hexproof.poc.density.HexDensity;
import org.hexproof.poc.density.HexDensityMap;
import org.hexproof.poc.density.HexScales;
import org.hexproof.poc.density.Interactivity;
import org.hexproof.poc.registry.HotspotRecord;

/**
 * The current hex density map (poc-rules.md §5): {@link HexDensity#compute} over the asserted
 * locations of the hotspots that are {@link Interactivity interactive}. Rebuilt when {@link
 * #invalidate() invalidated} (a registry change, a new beacon reciprocity) and at least every
 * {@code refresh} (interactivity expires with time alone; other oracle processes change the
 * registry).
 */
public final class DensityCache {
  private final Supplier<List<HotspotRecord>> asserted;
  private final DensityParameters parameters;
  private final Duration interactivityWindow;
  private final Duration refresh;

  private volatile boolean dirty = true;
  private HexDensityMap map;
  private Instant computedAt = Instant.MIN;

  /**
   * @param asserted reads every hotspot with an asserted location
   * @param parameters the clipping parameters
   * @param interactivityWindow HIP 17 interactivity window (60 h)
   * @param refresh longest age of a map
   */
  public DensityCache(
      Supplier<List<HotspotRecord>> asserted,
      DensityParameters parameters,
      Duration interactivityWindow,
      Duration refresh) {
    this.asserted = Objects.requireNonNull(asserted, "asserted");
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.interactivityWindow = Objects.requireNonNull(interactivityWindow, "interactivityWindow");
    this.refresh = Objects.requireNonNull(refresh, "refresh");
  }

  /** Marks the map out of date; the next {@link #current} rebuilds it. */
  public void invalidate() {
    dirty = true;
  }

  /**
   * The map for verifying at {@code now}, rebuilt if out of date.
   *
   * @param now the oracle's time
   * @return the scales
   */
  public synchronized HexScales current(Instant now) {
    if (dirty || map == null || !now.isBefore(computedAt.plus(refresh))) {
      dirty = false;
      List<H3Cell> locations =
          asserted.get().stream()
              .filter(
                  r ->
                      Interactivity.isInteractive(
                          r.lastBeaconReciprocityAt(), now, interactivityWindow))
              .flatMap(r -> r.location().stream())
              .toList();
      map = HexDensity.compute(locations, parameters);
      computedAt = now;
    }
    return map;
  }
}
