package org.hexproof.poc.density;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hexproof.core.geo.H3Cell;

/** Builds cells for tests by walking down the H3 hierarchy digit by digit. */
final class TestCells {
  /** A res-12 location in the Helium simple_scale_check region (res-8 882830d341fffff). */
  static final H3Cell BASE = H3Cell.parse("631210990515536895");

  private TestCells() {}

  /**
   * The descendant of {@code cell} reached by choosing child {@code digits[i]} (0..6) at each finer
   * resolution in turn; validated by {@link H3Cell#fromLong}.
   */
  static H3Cell descend(H3Cell cell, int... digits) {
    long index = cell.index();
    int resolution = cell.resolution();
    for (int digit : digits) {
      resolution++;
      int shift = (H3Cell.MAX_RESOLUTION - resolution) * 3;
      index = (index & ~(0xFL << 52)) | ((long) resolution << 52);
      index = (index & ~(7L << shift)) | ((long) digit << shift);
    }
    return H3Cell.fromLong(index);
  }

  /** A res-12 location inside {@code cell}, following the centre child below the given digits. */
  static H3Cell locationIn(H3Cell cell, int... digits) {
    H3Cell partial = descend(cell, digits);
    int[] centre = new int[12 - partial.resolution()];
    return descend(partial, centre);
  }

  /** The six neighbours of a hexagon, in h3's order. */
  static List<H3Cell> neighbours(H3Cell cell) {
    List<H3Cell> disk = new ArrayList<>(cell.disk(1));
    disk.remove(cell);
    return disk;
  }

  /** {@code count} copies of one location: that many hotspots asserted there. */
  static List<H3Cell> times(int count, H3Cell location) {
    return Collections.nCopies(count, location);
  }
}
