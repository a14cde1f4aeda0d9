package org.hexproof.coverage.tiles;

import java.util.OptionalInt;

/**
 * Which H3 resolution to draw at each zoom (coverage-rewards.md §4.3, from explorer practice: hexes
 * only become visible on screen at these zooms): z ≤ 6 points only; z7–8 res 6; z9 res 7; z10–11
 * res 8; z12 res 9; z13 res 10; z14 res 11; z ≥ 15 res 12. The data's resolution caps it: LoRa data
 * is res 9, so z ≥ 12 draws res-9 cells; coarser rungs aggregate by parent, best level wins.
 */
public final class ZoomLadder {
  /** Zooms at or below this draw hotspot points only. */
  public static final int POINTS_ONLY_MAX_ZOOM = 6;

  // Index = zoom 7..15; the last rung applies to every deeper zoom.
  private static final int[] RESOLUTION_FROM_ZOOM_7 = {6, 6, 7, 8, 8, 9, 10, 11, 12};

  private ZoomLadder() {}

  /**
   * The resolution to draw cells at.
   *
   * @param zoom 0..22
   * @param dataResolution the map's resolution; the answer never exceeds it
   * @return the resolution, or empty when the zoom draws points only
   */
  public static OptionalInt resolutionFor(int zoom, int dataResolution) {
    if (zoom <= POINTS_ONLY_MAX_ZOOM) {
      return OptionalInt.empty();
    }
    int rung = Math.min(zoom - (POINTS_ONLY_MAX_ZOOM + 1), RESOLUTION_FROM_ZOOM_7.length - 1);
    return OptionalInt.of(Math.min(RESOLUTION_FROM_ZOOM_7[rung], dataResolution));
  }
}
