package org.hexproof.fieldtests.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hexproof.fieldtests.sites.City;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The main job end to end: a small devnet runs until the network has produced a valid PoC with a
 * valid witness, minted an epoch and drawn coverage, as `./hexproof devnet` does.
 */
@Tag("fleet")
class DevnetIT {
  /** Generous: at speed 10 a 12-hotspot devnet minted its first epoch after about 3 minutes. */
  private static final Duration BUDGET = Duration.ofMinutes(6);

  @Test
  void a_small_devnet_verifies_pocs_mints_an_epoch_and_draws_coverage() throws Exception {
    Path dir = Files.createTempDirectory("hexproof-devnet-it-");
    try (Devnet devnet =
        Devnet.start(
            new Devnet.Options(
                8,
                City.VALLETTA,
                10,
                dir,
                0,
                0,
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                new PrintStream(OutputStream.nullOutputStream())))) {
      DevnetStatus status = new DevnetStatus(devnet.url());
      Instant deadline = Instant.now().plus(BUDGET);
      DevnetStatus.Snapshot snapshot = status.read();
      while (Instant.now().isBefore(deadline)
          && !(snapshot.verdicts().getOrDefault("witness valid", 0L) > 0
              && snapshot.epochsMinted() > 0
              && snapshot.coverageCells() > 0)) {
        Thread.sleep(2_000);
        snapshot = status.read();
      }

      assertThat(snapshot.validBeacons()).as("valid beacons: %s", snapshot).isPositive();
      assertThat(snapshot.verdicts().getOrDefault("witness valid", 0L))
          .as("valid witnesses: %s", snapshot)
          .isPositive();
      assertThat(snapshot.epochsMinted()).as("epochs minted: %s", snapshot).isPositive();
      assertThat(snapshot.rewardedBaseUnits()).isPositive();
      assertThat(snapshot.coverageCells()).as("coverage cells: %s", snapshot).isPositive();
      Devnet.Hotspot first = devnet.fleet().get(0);
      HttpResponse<String> lookup =
          status.get(
              "/v1/coverage/point?lat="
                  + first.site().latDegrees()
                  + "&lng="
                  + first.site().lngDegrees());
      assertThat(lookup.statusCode()).isEqualTo(200);
      assertThat(lookup.body()).contains("\"covered\":");
      assertThat(status.get("/").statusCode()).isEqualTo(200);
      // the map's hotspot panel charts this history from the same origin
      long paidHotspots = 0;
      for (Devnet.Hotspot h : devnet.fleet()) {
        HttpResponse<String> history = status.get("/v1/rewards/hotspots/" + h.key() + "/epochs");
        assertThat(history.statusCode()).isEqualTo(200);
        if (history.body().contains("\"total\":")) {
          paidHotspots++;
        }
      }
      assertThat(paidHotspots).as("hotspots with a reward history").isPositive();
      assertThat(devnet.beaconFailures()).isZero();
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
