package org.hexproof.poc.density;

import java.util.Arrays;
import org.hexproof.core.geo.H3Cell;

/**
 * The cells of one resolution that hold at least one interactive hotspot, sorted by index, with
 * their unclipped and clipped counts. Mutable while {@link HexDensity#compute} builds it, never
 * shared afterwards.
 */
final class Level {
  private final long[] cells;
  private final long[] unclipped;
  private final long[] clipped;
  private int[] parentSlots = new int[0];

  private Level(long[] cells, long[] unclipped) {
    this.cells = cells;
    this.unclipped = unclipped;
    this.clipped = unclipped.clone();
  }

  /** The res-11 level: one cell per distinct index, counting repeats; never clipped. */
  static Level countDuplicates(long[] sortedCells) {
    long[] cells = new long[sortedCells.length];
    long[] counts = new long[sortedCells.length];
    int size = 0;
    for (long cell : sortedCells) {
      if (size == 0 || cells[size - 1] != cell) {
        cells[size++] = cell;
      }
      counts[size - 1]++;
    }
    return new Level(Arrays.copyOf(cells, size), Arrays.copyOf(counts, size));
  }

  /**
   * The next coarser level: each parent's unclipped count is the sum of its children's clipped
   * counts. Records, for each cell here, the slot of its parent there.
   */
  Level rollUp(int parentResolution) {
    long[] parents = new long[cells.length];
    long[] sums = new long[cells.length];
    int[] slots = new int[cells.length];
    int size = 0;
    for (int i = 0; i < cells.length; i++) {
      long parent = HexDensity.parentIndex(cells[i], parentResolution);
      // Sorted children have sorted parents, so equal parents are adjacent.
      if (size == 0 || parents[size - 1] != parent) {
        parents[size++] = parent;
      }
      sums[size - 1] += clipped[i];
      slots[i] = size - 1;
    }
    parentSlots = slots;
    return new Level(Arrays.copyOf(parents, size), Arrays.copyOf(sums, size));
  }

  /** Sets each cell's clipped count from its unclipped count and its occupied k=1 disk. */
  void clip(DensityParameters.Limits limits) {
    long target = limits.target();
    for (int i = 0; i < cells.length; i++) {
      long count = unclipped[i];
      if (count <= target) {
        clipped[i] = count; // every limit is ≥ target
      } else if (limits.max() == target) {
        clipped[i] = target; // the limit is target whatever the neighbours
      } else {
        clipped[i] = Math.min(limits.limit(occupied(i, target)), count);
      }
    }
  }

  private int occupied(int slot, long target) {
    int occupied = 0;
    for (H3Cell cell : H3Cell.fromLong(cells[slot]).disk(1)) {
      int other = Arrays.binarySearch(cells, cell.index());
      if (other >= 0 && unclipped[other] >= target) {
        occupied++;
      }
    }
    return occupied;
  }

  int size() {
    return cells.length;
  }

  /** The slot of a cell present at this level. */
  int find(long cell) {
    int slot = Arrays.binarySearch(cells, cell);
    if (slot < 0) {
      throw new IllegalStateException("cell " + Long.toHexString(cell) + " was not counted");
    }
    return slot;
  }

  long unclipped(int slot) {
    return unclipped[slot];
  }

  long clipped(int slot) {
    return clipped[slot];
  }

  /** The slot of this cell's parent in the level built by {@link #rollUp}. */
  int parentSlot(int slot) {
    return parentSlots[slot];
  }
}
