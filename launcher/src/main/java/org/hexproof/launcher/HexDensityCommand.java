package org.hexproof.launcher;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.InvalidCellException;
import org.hexproof.poc.density.DensityParameters;
import org.hexproof.poc.density.HexDensity;
import org.hexproof.poc.density.HexDensityMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hexproof hex-density}: the HIP 17 transmit scale of each listed location (poc-rules.md
 * §5).
 *
 * <p>Output: one JSON object whose keys are the distinct cells of the file in canonical decimal
 * form (whatever form the line used), in ascending index order, and whose values are the scales as
 * JSON numbers with exactly 4 decimals. A listed cell coarser than res 11 is not counted (the
 * oracle counts res-11 parents) and shows the default scale 0.2.
 */
@Command(
    name = "hex-density",
    mixinStandardHelpOptions = true,
    description = {
      "HIP 17 hex density: the transmit scale of each interactive hotspot's asserted location.",
      "FILE has one H3 cell per line (decimal or hex), one line per interactive hotspot; the same"
          + " cell twice is two hotspots there. Blank lines and # comments are ignored.",
      "Prints {\"<cell in decimal>\": scale, ...}, scales rounded half-even to 4 decimals."
    })
final class HexDensityCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--locations",
      required = true,
      paramLabel = "FILE",
      description = "one H3 cell per interactive hotspot, one per line")
  Path locations;

  @Option(
      names = "--parameters",
      defaultValue = "hip104",
      paramLabel = "hip104|hip17",
      description = "clipping parameters: hip104 (default, the oracle's last) or hip17 (original)")
  String parameters;

  @Override
  public void run() {
    DensityParameters chosen =
        switch (parameters) {
          case "hip104" -> DensityParameters.hip104();
          case "hip17" -> DensityParameters.hip17Original();
          default ->
              throw Options.bad(spec.commandLine(), "--parameters", "hip104 or hip17", parameters);
        };
    List<H3Cell> cells = read(locations);
    HexDensityMap map = HexDensity.compute(cells, chosen);

    Map<String, BigDecimal> result = new LinkedHashMap<>();
    for (H3Cell cell : new TreeSet<>(cells)) {
      result.put(cell.toDecimalString(), map.scaleOf(cell));
    }
    Json.print(spec.commandLine().getOut(), result);
  }

  private static List<H3Cell> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(
          file + ": expected a readable UTF-8 text file (" + e.getClass().getSimpleName() + ")", e);
    }
    return cells(file.toString(), lines);
  }

  /**
   * The cells of a locations file's lines.
   *
   * @param file names the file in error messages
   * @throws BadInputException naming the line and what was expected
   */
  static List<H3Cell> cells(String file, List<String> lines) {
    List<H3Cell> cells = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      int comment = text.indexOf('#');
      text = (comment >= 0 ? text.substring(0, comment) : text).strip();
      if (text.isEmpty()) {
        continue;
      }
      try {
        cells.add(H3Cell.parse(text));
      } catch (InvalidCellException e) {
        throw new BadInputException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return cells;
  }
}
