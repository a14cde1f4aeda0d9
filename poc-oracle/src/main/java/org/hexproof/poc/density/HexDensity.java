package org.hexproof.poc.density;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.hexproof.core.geo.H3Cell;

/**
 * Builds the HIP 17 hex density map (poc-rules.md §5; helium/oracles {@code hex_density.rs}).
 *
 * <p>Algorithm, exactly:
 *
 * <ol>
 *   <li>Each interactive hotspot adds 1 to the count of its asserted location's res-11 parent.
 *       Locations coarser than res 11 have no res-11 parent: they are not counted and are absent
 *       from the map (so they get {@link HexScales#DEFAULT_SCALE}), as in the oracle.
 *   <li>For res 10, 9, …, 4: a cell's <em>unclipped</em> count is the sum of its children's
 *       <em>clipped</em> counts (at res 11, clipped = unclipped). <em>occupied</em> is the number
 *       of cells in the cell's k=1 disk (itself included; absent cells count 0) whose
 *       <b>unclipped</b> count is ≥ target. limit = {@link DensityParameters.Limits#limit(int)
 *       min(max, target × (max(occupied − N, 0) + 1))}; clipped = min(limit, unclipped).
 *   <li>The scale of an asserted location is the product over res 10..4 of clipped / unclipped of
 *       its parent (res 11 contributes 1), computed as an exact fraction and rounded once to 4
 *       decimals with {@link RoundingMode#HALF_EVEN}: the oracle rounds a {@code rust_decimal} with
 *       {@code round_dp}, which is banker's rounding (0.03125 → 0.0312).
 * </ol>
 *
 * <p>Why the unclipped count in the occupied test: the oracle tests a single map that holds clipped
 * counts for cells it has already visited and unclipped ones for the rest. Every limit is ≥ target,
 * so clipped ≥ target exactly when unclipped ≥ target; using the unclipped count gives the same
 * answer and makes the result independent of visiting order (and of input order).
 *
 * <p>Speed: counts live in sorted {@code long} arrays, one per resolution. H3 indexes sort
 * hierarchically, so a sorted list of children yields its parents already sorted and grouped.
 * Parents are computed with bit operations on the index (see {@link #parentIndex}); the k=1 disk is
 * asked of h3 only for cells whose count exceeds target at a resolution where max &gt; target,
 * because anywhere else the limit cannot change the result (clipped = min(target, unclipped)).
 */
public final class HexDensity {
  private static final int DECIMALS = 4;
  private static final int RES_SHIFT = 52;
  private static final long RES_MASK = 0xFL << RES_SHIFT;
  private static final int BITS_PER_DIGIT = 3;

  private HexDensity() {}

  /**
   * Computes the scale of every asserted location of the interactive hotspots.
   *
   * @param interactiveLocations one asserted location per interactive hotspot; the same cell twice
   *     means two hotspots there; not null, no null elements; any order
   * @param parameters the clipping parameters, not null
   * @return the map from each distinct location (res ≥ 11) to its scale in (0, 1], 4 decimals
   * @throws NullPointerException if an argument or a location is null
   */
  public static HexDensityMap compute(
      Collection<H3Cell> interactiveLocations, DensityParameters parameters) {
    Objects.requireNonNull(interactiveLocations, "interactiveLocations");
    Objects.requireNonNull(parameters, "parameters");
    long[] counted = new long[interactiveLocations.size()];
    int n = 0;
    for (H3Cell location : interactiveLocations) {
      if (resolutionOf(location.index()) >= DensityParameters.COUNT_RESOLUTION) {
        counted[n++] = parentIndex(location.index(), DensityParameters.COUNT_RESOLUTION);
      }
    }
    counted = Arrays.copyOf(counted, n);
    Arrays.sort(counted);

    Level res11 = Level.countDuplicates(counted);
    Level[] levels = new Level[DensityParameters.COUNT_RESOLUTION + 1];
    levels[DensityParameters.COUNT_RESOLUTION] = res11;
    for (int res = DensityParameters.FINEST_RESOLUTION;
        res >= DensityParameters.COARSEST_RESOLUTION;
        res--) {
      Level parents = levels[res + 1].rollUp(res);
      parents.clip(parameters.at(res));
      levels[res] = parents;
    }

    BigDecimal[] scale11 = scalesAtCountResolution(levels);
    Map<H3Cell, BigDecimal> scales = new HashMap<>(Math.max(16, n * 2));
    for (H3Cell location : interactiveLocations) {
      if (resolutionOf(location.index()) >= DensityParameters.COUNT_RESOLUTION) {
        long cell = parentIndex(location.index(), DensityParameters.COUNT_RESOLUTION);
        scales.putIfAbsent(location, scale11[res11.find(cell)]);
      }
    }
    return new HexDensityMap(scales);
  }

  /** The scale of each res-11 cell: its res-10 parent's chain of ratios, res 10 to 4. */
  private static BigDecimal[] scalesAtCountResolution(Level[] levels) {
    int finest = DensityParameters.FINEST_RESOLUTION;
    Level res10 = levels[finest];
    BigDecimal[] scale10 = new BigDecimal[res10.size()];
    for (int i = 0; i < scale10.length; i++) {
      scale10[i] = chainScale(levels, i);
    }
    Level res11 = levels[finest + 1];
    BigDecimal[] scale11 = new BigDecimal[res11.size()];
    for (int i = 0; i < scale11.length; i++) {
      scale11[i] = scale10[res11.parentSlot(i)];
    }
    return scale11;
  }

  private static BigDecimal chainScale(Level[] levels, int slotAt10) {
    long numerator = 1;
    long denominator = 1;
    int slot = slotAt10;
    try {
      for (int res = DensityParameters.FINEST_RESOLUTION;
          res >= DensityParameters.COARSEST_RESOLUTION;
          res--) {
        numerator = Math.multiplyExact(numerator, levels[res].clipped(slot));
        denominator = Math.multiplyExact(denominator, levels[res].unclipped(slot));
        slot = res > DensityParameters.COARSEST_RESOLUTION ? levels[res].parentSlot(slot) : -1;
      }
      return divide(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    } catch (ArithmeticException overflow) {
      return chainScaleBig(levels, slotAt10);
    }
  }

  private static BigDecimal chainScaleBig(Level[] levels, int slotAt10) {
    BigInteger numerator = BigInteger.ONE;
    BigInteger denominator = BigInteger.ONE;
    int slot = slotAt10;
    for (int res = DensityParameters.FINEST_RESOLUTION;
        res >= DensityParameters.COARSEST_RESOLUTION;
        res--) {
      numerator = numerator.multiply(BigInteger.valueOf(levels[res].clipped(slot)));
      denominator = denominator.multiply(BigInteger.valueOf(levels[res].unclipped(slot)));
      slot = res > DensityParameters.COARSEST_RESOLUTION ? levels[res].parentSlot(slot) : -1;
    }
    return divide(numerator, denominator);
  }

  private static BigDecimal divide(BigInteger numerator, BigInteger denominator) {
    return new BigDecimal(numerator)
        .divide(new BigDecimal(denominator), DECIMALS, RoundingMode.HALF_EVEN);
  }

  /** Resolution field of an H3 index (bits 52–55). */
  static int resolutionOf(long index) {
    return (int) ((index & RES_MASK) >>> RES_SHIFT);
  }

  /**
   * The ancestor of a valid cell index at a resolution no finer than its own, by the H3 bit layout:
   * write {@code resolution} into bits 52–55 and set every digit finer than it (3 bits each, res r
   * at bits 3·(15 − r)) to 7. Equal to {@code H3Cell.parent(resolution).index()}.
   */
  static long parentIndex(long index, int resolution) {
    int unusedBits = (H3Cell.MAX_RESOLUTION - resolution) * BITS_PER_DIGIT;
    return (index & ~RES_MASK) | ((long) resolution << RES_SHIFT) | ((1L << unusedBits) - 1);
  }
}
