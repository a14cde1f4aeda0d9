package org.hexproof.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.poc.density.DensityParameters;
import org.hexproof.poc.density.HexDensity;
import org.hexproof.poc.density.HexDensityMap;

/**
 * Times poc-oracle's {@link HexDensity#compute} (HIP 17 / HIP 104 clipping) for a large fleet of
 * interactive hotspots, beside the floor measured in the same run: one bare pass over the same
 * cells computing only each one's res-11 parent with {@link H3Cell#parent(int)}, the first step any
 * density computation must take.
 *
 * <p>Locations are seeded and clustered as real deployments are: 120 metro areas at random points
 * of the inhabited latitudes, each with a Zipf-like share of the fleet spread with a Gaussian of
 * 2–15 km around its centre, and one hotspot in 20 sharing the res-12 cell of an earlier one
 * (apartment blocks, several units per roof).
 */
public final class HexDensityTiming {
  private HexDensityTiming() {}

  /**
   * Runs the benchmark. System properties: {@code bench.density.hotspots} (400,000), {@code
   * bench.density.runs} (7, after 2 warm-up runs), {@code bench.density.seed}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    int hotspots = Integer.getInteger("bench.density.hotspots", 400_000);
    int runs = Integer.getInteger("bench.density.runs", 7);
    long seed = Long.getLong("bench.density.seed", 0x6865_7864_656eL);
    List<H3Cell> cells = fleet(hotspots, seed);

    DensityParameters parameters = DensityParameters.hip104();
    long[] compute = new long[runs];
    long[] floor = new long[runs];
    int locations = 0;
    long sink = 0;
    for (int i = -2; i < runs; i++) {
      long start = System.nanoTime();
      long parents = 0;
      for (H3Cell cell : cells) {
        parents += cell.parent(11).index();
      }
      long floorNanos = System.nanoTime() - start;
      start = System.nanoTime();
      HexDensityMap map = HexDensity.compute(cells, parameters);
      long computeNanos = System.nanoTime() - start;
      sink += parents + map.scales().size();
      locations = map.scales().size();
      if (i >= 0) {
        floor[i] = floorNanos;
        compute[i] = computeNanos;
      }
    }
    Arrays.sort(compute);
    Arrays.sort(floor);
    double computeMedian = compute[runs / 2] / 1e9;
    double floorMedian = floor[runs / 2] / 1e9;
    System.out.printf(
        Locale.ROOT,
        "hex density: %,d interactive hotspots at %,d distinct locations; %d runs after 2 warm-ups;"
            + " %d available processors, %s %s (checksum %d)%n%n"
            + "                                          median s     min s     max s%n"
            + "HexDensity.compute (HIP 104)             %9.3f %9.3f %9.3f%n"
            + "floor: res-11 parent of every cell       %9.3f %9.3f %9.3f%n%n"
            + "ratio compute / floor (median)            %9.2f%n"
            + "target: compute < 3 s: %s%n",
        hotspots,
        locations,
        runs,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        sink & 0xff,
        computeMedian,
        compute[0] / 1e9,
        compute[runs - 1] / 1e9,
        floorMedian,
        floor[0] / 1e9,
        floor[runs - 1] / 1e9,
        computeMedian / floorMedian,
        computeMedian < 3 ? "met" : "NOT met");
  }

  private static List<H3Cell> fleet(int hotspots, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int metros = 120;
    LatLng[] centres = new LatLng[metros];
    double[] spread = new double[metros];
    double[] weight = new double[metros];
    double total = 0;
    for (int m = 0; m < metros; m++) {
      centres[m] = new LatLng(-40 + random.nextDouble() * 100, -180 + random.nextDouble() * 360);
      spread[m] = 2_000 + random.nextDouble() * 13_000;
      weight[m] = 1.0 / (m + 1);
      total += weight[m];
    }
    List<H3Cell> cells = new ArrayList<>(hotspots);
    for (int i = 0; i < hotspots; i++) {
      if (i > 0 && random.nextInt(20) == 0) {
        cells.add(cells.get(random.nextInt(i)));
        continue;
      }
      double pick = random.nextDouble() * total;
      int m = 0;
      while (m < metros - 1 && pick > weight[m]) {
        pick -= weight[m];
        m++;
      }
      LatLng at =
          OracleFleet.offset(
              centres[m], random.nextGaussian() * spread[m], random.nextGaussian() * spread[m]);
      cells.add(H3Cell.fromLatLng(at, 12));
    }
    return cells;
  }
}
