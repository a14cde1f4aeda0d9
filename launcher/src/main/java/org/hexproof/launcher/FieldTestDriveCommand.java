package org.hexproof.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hexproof.fieldtests.devnet.Devnet;
import org.hexproof.fieldtests.drive.DriveCsv;
import org.hexproof.fieldtests.drive.DriveFleet;
import org.hexproof.fieldtests.drive.DriveRoute;
import org.hexproof.fieldtests.drive.DriveRow;
import org.hexproof.fieldtests.drive.SimulatedMapper;
import org.hexproof.fieldtests.sites.City;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hexproof field-test drive}: a simulated mapper's drive-test file. */
@Command(
    name = "drive",
    mixinStandardHelpOptions = true,
    description = "Drive a simulated mapper past a devnet fleet's sites and write its CSV.")
final class FieldTestDriveCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--city",
      defaultValue = "valletta",
      paramLabel = "NAME",
      description = "valletta, amsterdam, lisbon, austin or melbourne; default ${DEFAULT-VALUE}")
  String city;

  @Option(
      names = "--hotspots",
      defaultValue = "12",
      paramLabel = "N",
      description = "fleet size, as given to the devnet; default ${DEFAULT-VALUE}")
  int hotspots;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "site and RF seed; default the devnet's, so the sites are the devnet's")
  Long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV to write")
  Path out;

  @Option(
      names = "--devnet-dir",
      paramLabel = "DIR",
      description =
          "take the hotspot keys from this devnet data directory (e.g."
              + " ~/.hexproof/devnet); default: keys derived from the seed")
  Path devnetDir;

  @Option(
      names = "--step-m",
      defaultValue = "200",
      paramLabel = "M",
      description = "metres between packets, 10..5000; default ${DEFAULT-VALUE}")
  double stepMeters;

  @Option(
      names = "--interval-s",
      defaultValue = "10",
      paramLabel = "S",
      description = "seconds between packets, 5..3600; default ${DEFAULT-VALUE}")
  int intervalSeconds;

  @Option(
      names = "--start",
      paramLabel = "TIME",
      description = "time of the first packet, ISO-8601 UTC; default now")
  String start;

  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    City where = Options.city(cli, "--city", city);
    Options.inRange(cli, "--hotspots", hotspots, 1, 200);
    Options.inRange(cli, "--interval-s", intervalSeconds, 5, 3600);
    if (!(stepMeters >= 10 && stepMeters <= 5_000)) {
      throw Options.bad(cli, "--step-m", "10..5000", stepMeters);
    }
    Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    if (start != null) {
      try {
        first = Instant.parse(start);
      } catch (DateTimeParseException e) {
        throw Options.bad(cli, "--start", "an ISO-8601 UTC time like 2026-11-25T06:30:00Z", start);
      }
    }
    long s = seed != null ? seed : Devnet.FLEET_SEED;
    List<DriveFleet.Hotspot> fleet;
    try {
      fleet =
          devnetDir == null
              ? DriveFleet.seeded(where, hotspots, s)
              : DriveFleet.fromDevnet(where, hotspots, s, devnetDir);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          (devnetDir == null ? "--hotspots: " : "--devnet-dir: ") + e.getMessage());
    }
    List<DriveRow> rows =
        SimulatedMapper.drive(
            where,
            s,
            fleet,
            DriveRoute.through(
                where, fleet.stream().map(h -> h.site().position()).toList(), stepMeters),
            first,
            Duration.ofSeconds(intervalSeconds));
    try {
      Files.writeString(out, DriveCsv.write(rows), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("--out: cannot write " + out, e);
    }
    Map<String, Object> summary = FieldTestCommand.summary(out, rows);
    summary.put("city", where.name());
    summary.put("seed", s);
    summary.put("keys", devnetDir == null ? "seeded" : devnetDir.toString());
    Json.print(cli.getOut(), summary);
    return 0;
  }
}
