package org.hexproof.poc.density;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hexproof.core.geo.H3Cell;

/**
 * A slow, literal transcription of the oracle's reduction for cross-checking: one map of clipped
 * counts that is overwritten while cells are visited (in a caller-chosen random order), with the
 * occupied test reading that same half-updated map, as {@code hex_density.rs} does.
 */
final class NaiveHexDensity {
  private NaiveHexDensity() {}

  static Map<H3Cell, BigDecimal> compute(
      List<H3Cell> locations, DensityParameters parameters, Random visitOrder) {
    Map<H3Cell, Long> unclipped = new HashMap<>();
    Map<H3Cell, Long> clipped = new HashMap<>();
    Set<H3Cell> level = new LinkedHashSet<>();
    for (H3Cell location : locations) {
      if (location.resolution() >= 11) {
        H3Cell cell = location.parent(11);
        unclipped.merge(cell, 1L, Long::sum);
        clipped.merge(cell, 1L, Long::sum);
        level.add(cell);
      }
    }
    for (int res = 10; res >= 4; res--) {
      Set<H3Cell> parents = new LinkedHashSet<>();
      for (H3Cell cell : level) {
        H3Cell parent = cell.parent(res);
        unclipped.merge(parent, clipped.get(cell), Long::sum);
        clipped.merge(parent, clipped.get(cell), Long::sum);
        parents.add(parent);
      }
      List<H3Cell> order = new ArrayList<>(parents);
      Collections.shuffle(order, visitOrder);
      DensityParameters.Limits limits = parameters.at(res);
      for (H3Cell parent : order) {
        int occupied = 0;
        for (H3Cell near : parent.disk(1)) {
          if (clipped.getOrDefault(near, 0L) >= limits.target()) {
            occupied++;
          }
        }
        clipped.put(parent, Math.min(limits.limit(occupied), unclipped.get(parent)));
      }
      level = parents;
    }
    Map<H3Cell, BigDecimal> scales = new HashMap<>();
    for (H3Cell location : locations) {
      if (location.resolution() >= 11) {
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (int res = 10; res >= 4; res--) {
          H3Cell parent = location.parent(res);
          num = num.multiply(BigInteger.valueOf(clipped.get(parent)));
          den = den.multiply(BigInteger.valueOf(unclipped.get(parent)));
        }
        scales.put(
            location, new BigDecimal(num).divide(new BigDecimal(den), 4, RoundingMode.HALF_EVEN));
      }
    }
    return scales;
  }
}
