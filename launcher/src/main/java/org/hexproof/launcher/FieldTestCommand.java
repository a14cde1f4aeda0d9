package org.hexproof.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.fieldtests.drive.DriveCsv;
import org.hexproof.fieldtests.drive.DriveCsvException;
import org.hexproof.fieldtests.drive.DriveRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hexproof field-test}: drive tests (docs/drive-test-csv.md). {@code import} uploads a
 * drive-test file to the coverage service, {@code report} prints the model's accuracy against what
 * was imported (computed by the service, where the fitted models live: {@code GET
 * /v1/coverage/accuracy}), {@code drive} writes the file a simulated mapper records in a devnet's
 * city.
 */
@Command(
    name = "field-test",
    mixinStandardHelpOptions = true,
    description = "Drive tests: import a mapper's file, report the model's accuracy, simulate one.",
    subcommands = {
      FieldTestCommand.Import.class,
      FieldTestCommand.Report.class,
      FieldTestDriveCommand.class
    })
final class FieldTestCommand implements Runnable {
  private static final Pattern REFUSED_INDEX = Pattern.compile("measurements\\[(\\d+)]: ");

  /** Measurements per upload; the service takes up to 10,000 by default. */
  static final int BATCH = 5_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "expected a subcommand: import, report or drive");
  }

  /** The coverage service's address, shared by {@code import} and {@code report}. */
  static final class ServiceUrl {
    @Option(
        names = "--url",
        defaultValue = "http://localhost:8080",
        paramLabel = "URL",
        description = "the coverage service (or devnet); default ${DEFAULT-VALUE}")
    String url;
  }

  /** {@code hexproof field-test import FILE}: every row checked first, then uploaded. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Upload a drive-test CSV to the coverage service (idempotent).")
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "lat,lng,time,rssi,snr,heard_by CSV")
    Path file;

    @CommandLine.Mixin ServiceUrl service = new ServiceUrl();

    @Override
    public Integer call() throws InterruptedException {
      ServiceClient client = ServiceClient.coverage(service.url);
      List<DriveRow> rows = read(file);
      int stored = 0;
      int already = 0;
      long version = 0;
      // a file that reads is never refused by the service (same bounds), so batches only split the
      // upload; a failure between batches leaves earlier ones stored and a rerun completes it
      for (int from = 0; from < rows.size(); from += BATCH) {
        List<Map<String, Object>> body = new ArrayList<>();
        for (DriveRow r : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
          body.add(measurement(r));
        }
        JsonNode answer;
        try {
          answer = client.post("/v1/coverage/measurements", body);
        } catch (BadInputException refused) {
          throw new BadInputException(atLine(file, from, refused.getMessage()), refused);
        }
        stored += answer.get("stored").asInt();
        already += answer.get("already_stored").asInt();
        version = answer.get("map_version").asLong();
      }
      Map<String, Object> out = summary(file, rows);
      out.put("stored", stored);
      out.put("already_stored", already);
      out.put("map_version", version);
      Json.print(spec.commandLine().getOut(), out);
      return 0;
    }

    private static Map<String, Object> measurement(DriveRow r) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lat", r.location().latDegrees());
      m.put("lng", r.location().lngDegrees());
      m.put("time", r.time().toString());
      m.put("rssi", r.hearing().map(DriveRow.Hearing::rssiDbm).orElse(null));
      m.put("snr", r.hearing().map(DriveRow.Hearing::snrDb).orElse(null));
      m.put("heard_by", r.hearing().map(h -> List.of(h.hotspot().toBase58())).orElse(List.of()));
      return m;
    }
  }

  /** {@code hexproof field-test report}: the service's accuracy report as it answers it. */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description =
          "The model against the imported drive tests: RMSE of predicted vs measured RSSI,"
              + " precision and recall of \"covered\", overall and per hotspot.")
  static final class Report implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin ServiceUrl service = new ServiceUrl();

    @Option(names = "--hotspot", paramLabel = "KEY", description = "list this hotspot alone")
    String hotspot;

    @Override
    public Integer call() throws InterruptedException {
      ServiceClient client = ServiceClient.coverage(service.url);
      String query = "";
      if (hotspot != null) {
        try {
          query = "?hotspot=" + PublicKey.fromBase58(hotspot).toBase58();
        } catch (IllegalArgumentException e) {
          throw Options.bad(spec.commandLine(), "--hotspot", "a base58check hotspot key", hotspot);
        }
      }
      Json.print(spec.commandLine().getOut(), client.get("/v1/coverage/accuracy" + query));
      return 0;
    }
  }

  /** The service names a refused measurement by its index in the batch; say the file's line. */
  static String atLine(Path file, int batchStart, String message) {
    Matcher m = REFUSED_INDEX.matcher(message);
    if (!m.find()) {
      return file + ": " + message;
    }
    int line = batchStart + Integer.parseInt(m.group(1)) + 2; // line 1 is the header
    return message.substring(0, m.start()) + file + ":" + line + ": " + message.substring(m.end());
  }

  static List<DriveRow> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadInputException(
          file + ": expected a readable drive-test file, got " + e.getClass().getSimpleName());
    }
    try {
      return DriveCsv.parse(file.toString(), bytes);
    } catch (DriveCsvException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /** Counts of a drive-test file: rows, points, heard points, hearings and distinct hotspots. */
  static Map<String, Object> summary(Path file, List<DriveRow> rows) {
    Set<String> points = new HashSet<>();
    Set<String> heardPoints = new HashSet<>();
    Set<PublicKey> hotspots = new HashSet<>();
    int hearings = 0;
    for (DriveRow r : rows) {
      String point = r.location() + "@" + r.time();
      points.add(point);
      if (r.hearing().isPresent()) {
        heardPoints.add(point);
        hotspots.add(r.hearing().get().hotspot());
        hearings++;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", file.toString());
    out.put("rows", rows.size());
    out.put("points", points.size());
    out.put("heard_points", heardPoints.size());
    out.put("hearings", hearings);
    out.put("hotspots", hotspots.size());
    return out;
  }
}
