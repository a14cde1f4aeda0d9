package org.hexproof.coverage.geometry;

/**
 * Average H3 v4 hexagon area and edge length per resolution ({@code getHexagonAreaAvg} and {@code
 * getHexagonEdgeLengthAvg}, coverage-rewards.md §3.2). Real cells vary about 2× around these.
 */
public final class CellStats {
  private static final double[] AREA_M2 = {
    4.357449416e12,
    6.09788442e11,
    8.6801780e10,
    1.2393435e10,
    1.770348e9,
    2.52904e8,
    3.6129e7,
    5.161e6,
    7.37e5,
    1.05333e5,
    1.50475e4,
    2.1496e3,
    3.07092e2,
    4.387e1,
    6.267,
    0.8953
  };
  private static final double[] EDGE_M = {
    1281256.011, 483056.839, 182512.957, 68979.222, 26071.760, 9854.091, 3724.533, 1406.476,
    531.414, 200.786, 75.864, 28.664, 10.830, 4.092, 1.546, 0.584
  };

  private CellStats() {}

  /**
   * Average cell area.
   *
   * @param resolution 0..15
   * @return square metres
   */
  public static double averageAreaM2(int resolution) {
    return AREA_M2[check(resolution)];
  }

  /**
   * Average edge length (also the circumradius of a hexagon).
   *
   * @param resolution 0..15
   * @return metres
   */
  public static double averageEdgeMeters(int resolution) {
    return EDGE_M[check(resolution)];
  }

  private static int check(int resolution) {
    if (resolution < 0 || resolution > 15) {
      throw new IllegalArgumentException("resolution: expected 0..15, got " + resolution);
    }
    return resolution;
  }
}
