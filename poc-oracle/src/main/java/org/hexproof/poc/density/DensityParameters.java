package org.hexproof.poc.density;

import java.util.List;
import java.util.Objects;

/**
 * The HIP 17 clipping parameters for each resolution from {@value #FINEST_RESOLUTION} down to
 * {@value #COARSEST_RESOLUTION} (poc-rules.md §5). Resolution 11 is never clipped and resolutions
 * 0–3, 12 and 13 are ignored, as in the oracle.
 *
 * @param limits exactly 7 entries, {@code limits.get(0)} for resolution 4 up to {@code
 *     limits.get(6)} for resolution 10; not null; copied
 */
public record DensityParameters(List<Limits> limits) {
  /** Coarsest resolution that is clipped. */
  public static final int COARSEST_RESOLUTION = 4;

  /** Finest resolution that is clipped; hotspots are counted one level finer, at res 11. */
  public static final int FINEST_RESOLUTION = 10;

  /** Resolution at which each interactive hotspot is counted once (never clipped). */
  public static final int COUNT_RESOLUTION = 11;

  private static final int LEVELS = FINEST_RESOLUTION - COARSEST_RESOLUTION + 1;

  /**
   * One resolution's triple.
   *
   * @param neighbors N: occupied cells in the k=1 disk (the cell included) that come free before
   *     the limit starts to rise; ≥ 0
   * @param target the count at which a cell is "occupied", and the limit's step; ≥ 1
   * @param max the highest limit; ≥ {@code target}
   */
  public record Limits(int neighbors, long target, long max) {
    /**
     * Validates the triple.
     *
     * @throws IllegalArgumentException unless {@code max ≥ target ≥ 1} and {@code neighbors ≥ 0}
     */
    public Limits {
      if (neighbors < 0) {
        throw new IllegalArgumentException("neighbors: expected ≥ 0, got " + neighbors);
      }
      if (target < 1) {
        throw new IllegalArgumentException("target: expected ≥ 1, got " + target);
      }
      if (max < target) {
        throw new IllegalArgumentException("max: expected ≥ target (" + target + "), got " + max);
      }
    }

    /**
     * The most a cell may count, given how many cells of its k=1 disk are occupied: {@code min(max,
     * target × (max(occupied − N, 0) + 1))}. It is never below {@code target}.
     *
     * @param occupied cells of the disk whose count is ≥ target, ≥ 0
     * @return the limit, in [target, max]
     */
    public long limit(int occupied) {
      long steps = Math.max(occupied - neighbors, 0) + 1L;
      // target × steps only matters while it is below max; avoid overflow past it.
      return steps > max / target ? max : Math.min(max, target * steps);
    }
  }

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if {@code limits} or an entry is null
   * @throws IllegalArgumentException if there are not exactly 7 entries
   */
  public DensityParameters {
    limits = List.copyOf(Objects.requireNonNull(limits, "limits"));
    if (limits.size() != LEVELS) {
      throw new IllegalArgumentException(
          "limits: expected "
              + LEVELS
              + " entries (resolutions "
              + COARSEST_RESOLUTION
              + ".."
              + FINEST_RESOLUTION
              + "), got "
              + limits.size());
    }
  }

  /**
   * The parameters in force since HIP 104 (January 2024), the oracle's last values.
   *
   * @return res 4 (2, 500, 1000), 5 (4, 100, 200), 6 (4, 25, 50), 7 (4, 5, 10), 8–10 (2, 1, 1)
   */
  public static DensityParameters hip104() {
    return new DensityParameters(
        List.of(
            new Limits(2, 500, 1000),
            new Limits(4, 100, 200),
            new Limits(4, 25, 50),
            new Limits(4, 5, 10),
            new Limits(2, 1, 1),
            new Limits(2, 1, 1),
            new Limits(2, 1, 1)));
  }

  /**
   * The original HIP 17 parameters (before helium/oracles commit {@code b7df3368}).
   *
   * @return res 4 (1, 250, 800), 5 (1, 100, 400), 6 (1, 25, 100), 7 (2, 5, 20), 8 (2, 1, 4), 9 (2,
   *     1, 2), 10 (2, 1, 1)
   */
  public static DensityParameters hip17Original() {
    return new DensityParameters(
        List.of(
            new Limits(1, 250, 800),
            new Limits(1, 100, 400),
            new Limits(1, 25, 100),
            new Limits(2, 5, 20),
            new Limits(2, 1, 4),
            new Limits(2, 1, 2),
            new Limits(2, 1, 1)));
  }

  /**
   * The triple for one resolution.
   *
   * @param resolution in [4, 10]
   * @return its limits
   * @throws IllegalArgumentException if {@code resolution} is outside [4, 10]
   */
  public Limits at(int resolution) {
    if (resolution < COARSEST_RESOLUTION || resolution > FINEST_RESOLUTION) {
      throw new IllegalArgumentException(
          "resolution: expected "
              + COARSEST_RESOLUTION
              + ".."
              + FINEST_RESOLUTION
              + ", got "
              + resolution);
    }
    return limits.get(resolution - COARSEST_RESOLUTION);
  }
}
