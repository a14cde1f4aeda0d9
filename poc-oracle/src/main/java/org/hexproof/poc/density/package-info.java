/**
 * Hex density (HIP 17 transmit scale, parameters from HIP 104): how much a beacon is worth given
 * how many interactive hotspots crowd its area (poc-rules.md §5).
 *
 * <dl>
 *   <dt>Interactive hotspot
 *   <dd>One whose last beacon reciprocity is within a window (60 h) of the computation time; see
 *       {@link org.hexproof.poc.density.Interactivity}.
 *   <dt>Count, unclipped, clipped
 *   <dd>Each interactive hotspot counts 1 at its asserted location's res-11 parent. Going coarser
 *       (res 10 to 4), a cell's unclipped count is the sum of its children's clipped counts, and
 *       its clipped count is the unclipped one capped by a limit that rises with the number of
 *       occupied cells around it; see {@link org.hexproof.poc.density.HexDensity}.
 *   <dt>Scale
 *   <dd>The product of clipped/unclipped over a location's parents, 4 decimals, in (0, 1]. A
 *       location that was not counted gets {@link
 *       org.hexproof.poc.density.HexScales#DEFAULT_SCALE}.
 * </dl>
 *
 * <p>Everything here is pure: no I/O, no clock (the caller passes {@code now}).
 */
package org.hexproof.poc.density;
