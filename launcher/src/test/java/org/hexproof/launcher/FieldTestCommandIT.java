package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hexproof.fieldtests.drive.DriveCsv;
import org.hexproof.fieldtests.drive.DriveFleet;
import org.hexproof.fieldtests.sites.City;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drive tests end to end through the command line: a simulated mapper drives past an 8-hotspot
 * Valletta fleet, the coverage service (embedded PostgreSQL) has fitted that fleet's models from a
 * feed of the same simulated links, and the file is imported twice and reported on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FieldTestCommandIT {
  private static final long SEED = 42;
  private static final int HOTSPOTS = 8;

  @TempDir static Path dir;

  private FleetFeed feed;
  private ApplicationContext coverage;
  private String url;
  private Path drive;

  @BeforeAll
  void start() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<DriveFleet.Hotspot> fleet = DriveFleet.seeded(City.VALLETTA, HOTSPOTS, SEED);
    feed = new FleetFeed(City.VALLETTA, SEED, fleet, now.minus(Duration.ofMinutes(10)));
    coverage = CoverageCommand.start(feed.url(), 0, dir.resolve("db"));
    url = "http://127.0.0.1:" + coverage.getBean(EmbeddedServer.class).getPort();
    drive = dir.resolve("drive.csv");
    CliRun run =
        CliRun.of(
            "field-test",
            "drive",
            "--city",
            "valletta",
            "--hotspots",
            "" + HOTSPOTS,
            "--seed",
            "" + SEED,
            "--step-m",
            "250",
            "--start",
            now.minus(Duration.ofMinutes(5)).toString(),
            "--out",
            drive.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    awaitCursor(feed.lastId());
  }

  @AfterAll
  void stop() {
    if (coverage != null) {
      coverage.close();
    }
    if (feed != null) {
      feed.close();
    }
  }

  private void awaitCursor(long id) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    ServiceClient client = ServiceClient.coverage(url);
    while (client.get("/v1/coverage/summary").get("feed_cursor").asLong() < id) {
      assertThat(Instant.now()).as("feed cursor reaches %d", id).isBefore(deadline);
      Thread.sleep(100);
    }
  }

  private static JsonNode json(CliRun run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return ServiceClient.JSON.readTree(run.out());
  }

  @Test
  @Order(1)
  void a_simulated_drive_imports_once_and_the_report_judges_the_fitted_models() throws Exception {
    assertThat(feed.witnesses()).as("the fleet's beacons are witnessed").isPositive();
    JsonNode file = json(CliRun.of("field-test", "import", drive.toString(), "--url", url));
    int rows = DriveCsv.parse("d", Files.readAllBytes(drive)).size();
    assertThat(file.get("rows").asInt()).isEqualTo(rows);
    assertThat(file.get("stored").asInt()).isEqualTo(rows);
    assertThat(file.get("already_stored").asInt()).isZero();
    assertThat(file.get("heard_points").asInt())
        .isPositive()
        .isLessThan(file.get("points").asInt());

    JsonNode again = json(CliRun.of("field-test", "import", drive.toString(), "--url", url));
    assertThat(again.get("stored").asInt()).isZero();
    assertThat(again.get("already_stored").asInt()).isEqualTo(rows);

    JsonNode report = json(CliRun.of("field-test", "report", "--url", url));
    JsonNode overall = report.get("overall");
    assertThat(overall.get("points").asInt()).isEqualTo(file.get("points").asInt());
    assertThat(overall.get("heard").asInt()).isEqualTo(file.get("heard_points").asInt());
    assertThat(overall.get("rssi_pairs").asInt()).isPositive();
    double rmse = overall.get("rmse_db").asDouble();
    assertThat(rmse).isFinite().isPositive();
    double precision = overall.get("precision").asDouble();
    double recall = overall.get("recall").asDouble();
    assertThat(precision).isBetween(0.0, 1.0);
    assertThat(recall).isBetween(0.0, 1.0);
    assertThat(precision + recall).isPositive();
    assertThat(report.get("hotspots")).isNotEmpty();
    System.out.println("drive test: " + rows + " rows; overall " + overall);

    String key = report.get("hotspots").get(0).get("hotspot").asText();
    JsonNode one = json(CliRun.of("field-test", "report", "--url", url, "--hotspot", key));
    assertThat(one.get("hotspots")).hasSize(1);
    assertThat(one.get("hotspots").get(0)).isEqualTo(report.get("hotspots").get(0));
  }

  @Test
  void a_file_with_one_bad_row_imports_nothing() throws Exception {
    JsonNode before = json(CliRun.of("field-test", "report", "--url", url));
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        DriveCsv.HEADER
            + "\n35.9,14.45,2026-11-25T06:00:00Z,,,\n35.91,14.45,2026-11-25T06:00:10Z,-97,x,"
            + DriveFleet.seeded(City.VALLETTA, 1, SEED).get(0).key().toBase58()
            + "\n");

    CliRun run = CliRun.of("field-test", "import", bad.toString(), "--url", url);

    assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_USAGE);
    assertThat(run.errIsOneLine()).as(run.err()).isTrue();
    assertThat(run.err()).contains("bad.csv:3: column 5 (snr): expected an SNR in dB");
    assertThat(json(CliRun.of("field-test", "report", "--url", url)).get("overall").get("points"))
        .isEqualTo(before.get("overall").get("points"));
  }

  @Test
  void a_row_contradicting_a_stored_one_is_refused_at_its_line() throws Exception {
    String key = DriveFleet.seeded(City.VALLETTA, 1, SEED).get(0).key().toBase58();
    Path first = dir.resolve("first.csv");
    Files.writeString(
        first, DriveCsv.HEADER + "\n35.9,14.45,2026-11-25T05:00:00Z,-97,6," + key + "\n");
    Path second = dir.resolve("second.csv");
    Files.writeString(
        second,
        DriveCsv.HEADER
            + "\n35.91,14.45,2026-11-25T05:00:10Z,,,\n35.9,14.45,2026-11-25T05:00:00Z,-90,6,"
            + key
            + "\n");
    assertThat(
            json(CliRun.of("field-test", "import", first.toString(), "--url", url)).get("stored"))
        .hasToString("1");

    CliRun run = CliRun.of("field-test", "import", second.toString(), "--url", url);

    assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_USAGE);
    assertThat(run.errIsOneLine()).as(run.err()).isTrue();
    assertThat(run.err())
        .contains("second.csv:3: expected the signal already stored")
        .contains("got rssi=-90.0");
    JsonNode retry = json(CliRun.of("field-test", "import", first.toString(), "--url", url));
    assertThat(retry.get("already_stored").asInt()).isEqualTo(1);
  }

  @Test
  void bad_arguments_exit_non_zero_with_one_line() {
    assertOneLine(CliRun.of("field-test"), Hexproof.EXIT_USAGE, "expected a subcommand");
    assertOneLine(
        CliRun.of("field-test", "import", dir.resolve("missing.csv").toString()),
        Hexproof.EXIT_USAGE,
        "missing.csv: expected a readable drive-test file");
    assertOneLine(
        CliRun.of("field-test", "import", drive.toString(), "--url", "localhost:8080"),
        Hexproof.EXIT_USAGE,
        "--url: expected an http(s) URL");
    assertOneLine(
        CliRun.of("field-test", "import", drive.toString(), "--url", "http://127.0.0.1:9"),
        Hexproof.EXIT_FAILURE,
        "cannot reach the coverage service at http://127.0.0.1:9");
    assertOneLine(
        CliRun.of("field-test", "report", "--url", url, "--hotspot", "nope"),
        Hexproof.EXIT_USAGE,
        "--hotspot: expected a base58check hotspot key");
    assertOneLine(
        CliRun.of("field-test", "drive", "--city", "atlantis", "--out", "x.csv"),
        Hexproof.EXIT_USAGE,
        "--city: expected valletta, amsterdam");
    assertOneLine(
        CliRun.of("field-test", "drive", "--hotspots", "0", "--out", "x.csv"),
        Hexproof.EXIT_USAGE,
        "--hotspots: expected 1..200");
    assertOneLine(
        CliRun.of(
            "field-test",
            "drive",
            "--devnet-dir",
            dir.toString(),
            "--out",
            dir.resolve("x.csv").toString()),
        Hexproof.EXIT_USAGE,
        "--devnet-dir: expected the key of devnet hotspot h01");
  }

  private static void assertOneLine(CliRun run, int code, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(code);
    assertThat(run.errIsOneLine()).as(run.err()).isTrue();
    assertThat(run.err()).contains(message);
    assertThat(run.out()).isEmpty();
  }
}
