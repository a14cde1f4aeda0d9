package org.hexproof.benchmarks;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Point-to-cell lookups at resolution 12, through {@link H3Cell#fromLatLng} and through the raw
 * {@link H3Core#latLngToCell}, next to {@link H3Core#isValidCell}: the cheapest h3-java call, so
 * the floor that any single JNI call into h3 pays.
 *
 * <p>Each benchmark cycles through the same 1024-entry table with the same index arithmetic, so the
 * loop overhead is identical and the ratios compare only the calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class H3Benchmark {

  /** H3 resolution of a witness-location cell (about 307 m² per cell). */
  static final int RESOLUTION = 12;

  private static final int POINTS = 1024; // a power of two, so the cycle is a mask
  private static final long SEED = 0x68335f62656e6368L; // "h3_bench"

  // Berlin's bounding box, WGS84 degrees: a dense, realistic deployment area.
  private static final double MIN_LAT = 52.34;
  private static final double MAX_LAT = 52.68;
  private static final double MIN_LNG = 13.09;
  private static final double MAX_LNG = 13.76;

  private H3Core h3;
  private final double[] lats = new double[POINTS];
  private final double[] lngs = new double[POINTS];
  private final LatLng[] points = new LatLng[POINTS];
  private final long[] cells = new long[POINTS];
  private int next;

  /**
   * Loads h3 and builds the coordinate table and the matching valid cells.
   *
   * @throws IOException if the h3 native library cannot be loaded
   */
  @Setup
  public void setUp() throws IOException {
    h3 = H3Core.newInstance();
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < POINTS; i++) {
      lats[i] = random.nextDouble(MIN_LAT, MAX_LAT);
      lngs[i] = random.nextDouble(MIN_LNG, MAX_LNG);
      points[i] = new LatLng(lats[i], lngs[i]);
      cells[i] = h3.latLngToCell(lats[i], lngs[i], RESOLUTION);
      if (H3Cell.fromLatLng(points[i], RESOLUTION).index() != cells[i]
          || !h3.isValidCell(cells[i])) {
        throw new IllegalStateException("wrapper and raw h3 disagree at point " + i);
      }
    }
  }

  /**
   * Looks up the cell through the network-core wrapper (which also validates the result).
   *
   * @return the cell
   */
  @Benchmark
  public H3Cell h3CellFromLatLng() {
    return H3Cell.fromLatLng(points[advance()], RESOLUTION);
  }

  /**
   * Looks up the cell through raw h3-java.
   *
   * @return the cell index
   */
  @Benchmark
  public long rawLatLngToCell() {
    int i = advance();
    return h3.latLngToCell(lats[i], lngs[i], RESOLUTION);
  }

  /**
   * Validates a known-good cell: one JNI call doing almost no work.
   *
   * @return {@code true}
   */
  @Benchmark
  public boolean isValidCell() {
    return h3.isValidCell(cells[advance()]);
  }

  private int advance() {
    int i = next;
    next = (i + 1) & (POINTS - 1);
    return i;
  }
}
