package org.hexproof.coverage.geometry;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hexproof.coverage.model.CellCoverage;
import org.hexproof.coverage.model.CoverageMap;

/**
 * Cells of a map inside a bounding box at a chosen resolution. A cell is inside when its centre is
 * in the box. Coarser resolutions aggregate the map's cells by parent, best level wins.
 *
 * <p>The area limit: a box may span at most {@code maxCells} cells of the requested resolution,
 * estimated as box area / average cell area. The default 50,000 keeps a GeoJSON answer near 20 MB
 * (about 400 bytes per cell feature) and a scan in the tens of milliseconds; a larger view must use
 * a coarser resolution or the vector tiles.
 *
 * @param maxCells the largest estimated cell count a query may span, ≥ 1
 */
public record CellQuery(long maxCells) {

  /** 50,000 cells, see above. */
  public static final CellQuery DEFAULT = new CellQuery(50_000);

  /** Validates. */
  public CellQuery {
    if (maxCells < 1) {
      throw new IllegalArgumentException("maxCells: expected ≥ 1, got " + maxCells);
    }
  }

  /**
   * Runs the query.
   *
   * @param map the coverage map, not null
   * @param box the box, not null
   * @param resolution the H3 resolution of the answer, in [0, map resolution]
   * @return the cells whose centre is in the box, ordered by cell index
   * @throws InvalidQueryException if the resolution is out of range or the box spans too many cells
   */
  public List<CellCoverage> cells(CoverageMap map, BoundingBox box, int resolution) {
    checkResolution(resolution, map.resolution());
    checkSize(box, resolution);
    return map.cellsAt(resolution).stream()
        .filter(c -> box.contains(c.cell().center()))
        .sorted(Comparator.comparing(CellCoverage::cell))
        .collect(Collectors.toList());
  }

  /**
   * Checks the box against the area limit.
   *
   * @param box the box, not null
   * @param resolution 0..15
   * @throws InvalidQueryException when the estimate exceeds {@link #maxCells()}
   */
  public void checkSize(BoundingBox box, int resolution) {
    double estimate = box.areaM2() / CellStats.averageAreaM2(resolution);
    if (estimate > maxCells) {
      double maxKm2 = maxCells * CellStats.averageAreaM2(resolution) / 1e6;
      throw new InvalidQueryException(
          "bbox",
          String.format(
              Locale.ROOT,
              "expected at most %d res-%d cells (about %.0f km²), got about %.0f cells (%.0f km²);"
                  + " use a smaller box or a coarser resolution",
              maxCells,
              resolution,
              maxKm2,
              estimate,
              box.areaM2() / 1e6));
    }
  }

  private static void checkResolution(int resolution, int mapResolution) {
    if (resolution < 0 || resolution > mapResolution) {
      throw new InvalidQueryException(
          "resolution",
          "expected an H3 resolution in [0, "
              + mapResolution
              + "] (the map's data is res "
              + mapResolution
              + "), got "
              + resolution);
    }
  }
}
