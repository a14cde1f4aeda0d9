package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.Network;
import org.hexproof.fieldtests.devnet.Devnet;
import org.hexproof.fieldtests.devnet.DevnetStatus;
import org.hexproof.fieldtests.devnet.PocFeed;
import org.hexproof.fieldtests.fleet.Cheat;
import org.hexproof.fieldtests.fleet.FleetPlan;
import org.hexproof.fieldtests.fleet.HotspotPlan;
import org.hexproof.fieldtests.fleet.Radio;
import org.hexproof.fieldtests.sites.City;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The main job end to end, started as a newcomer starts it: {@code hexproof devnet} from the
 * launcher's jar with a mixed fleet (serial modules, a concentrator, a WiFi module, one adversary
 * of each kind) runs until the network has verified PoCs with valid witnesses, minted an epoch and
 * drawn coverage; every hotspot of the plan is onboarded and has beaconed, read from the live APIs;
 * Ctrl-C stops it with PostgreSQL.
 */
@Tag("fleet")
class DevnetCommandIT {
  private static final double SPEED = 20;

  /** Generous: at speed 20 the first epoch is minted after about 100 s. */
  private static final Duration BUDGET = Duration.ofMinutes(5);

  private static final Pattern PROGRESS =
      Pattern.compile("beacons sent (\\d+) \\(failed (\\d+)\\)");

  @Test
  void a_mixed_devnet_from_the_command_line_verifies_pocs_mints_and_stops_on_ctrl_c()
      throws Exception {
    Path dir = Files.createTempDirectory("hexproof-devnet-cli-");
    // the plan `devnet --hotspots 4 --concentrators 1 --wifi 1 --adversaries` stands
    FleetPlan plan =
        FleetPlan.in(City.VALLETTA, Devnet.FLEET_SEED)
            .serialModules(4)
            .concentrators(1)
            .wifi(1)
            .withCheats(EnumSet.allOf(Cheat.class))
            .build();
    try (DevnetProcess devnet =
        DevnetProcess.start(
            "devnet-command-it",
            List.of(
                "--hotspots",
                "4",
                "--concentrators",
                "1",
                "--wifi",
                "1",
                "--adversaries",
                "--speed",
                fmt(SPEED),
                "--http-port",
                "0",
                "--gateway-port",
                "0",
                "--progress-every",
                "2",
                "--data-dir",
                dir.toString()))) {
      URI url = devnet.awaitUrl(Duration.ofMinutes(2));
      assertThat(devnet.lines().get(0)).contains("4 hotspots in Valletta", "speed 20x");
      assertThat(devnet.lines().get(1))
          .contains("1 concentrators, 1 WiFi hotspots, one adversary of each kind");
      DevnetStatus status = new DevnetStatus(url);
      Map<String, HotspotPlan> byKey = keys(plan, dir);
      Set<Radio> kinds = plan.hotspots().stream().map(HotspotPlan::radio).collect(toEnumSet());
      assertThat(kinds)
          .contains(Radio.RAK3172, Radio.RN2483, Radio.LORA_E5, Radio.CONCENTRATOR, Radio.WIFI);

      Predicate<DevnetStatus.Snapshot> done =
          s -> {
            try {
              return s.verdicts().getOrDefault("witness valid", 0L) > 0
                  && s.epochsMinted() > 0
                  && s.coverageCells() > 0
                  && beaconers(status).containsAll(byKey.keySet());
            } catch (IOException e) {
              return false;
            }
          };
      DevnetStatus.Snapshot snapshot = status.await(done, BUDGET);

      // every hotspot of the plan, each radio kind and each adversary, onboarded and beaconed
      Set<String> beaconed = beaconers(status);
      for (Map.Entry<String, HotspotPlan> h : byKey.entrySet()) {
        String what = h.getValue().name() + " (" + h.getValue().radio() + ")";
        HttpResponse<String> record = status.get("v1/hotspots/" + h.getKey());
        assertThat(record.statusCode()).as("%s onboarded: %s", what, record.body()).isEqualTo(200);
        assertThat(record.body()).as(what).contains(h.getKey());
        assertThat(beaconed).as("%s has a verified beacon", what).contains(h.getKey());
      }
      assertThat(byKey.values().stream().flatMap(h -> h.cheat().stream()))
          .as("adversaries among them")
          .containsAll(EnumSet.allOf(Cheat.class));

      // the network works: valid PoCs, an epoch minted with rewards, coverage on the map
      assertThat(snapshot.validBeacons()).as("valid beacons: %s", snapshot).isPositive();
      assertThat(snapshot.verdicts().getOrDefault("witness valid", 0L))
          .as("valid witnesses: %s", snapshot)
          .isPositive();
      assertThat(snapshot.epochsMinted()).as("epochs minted: %s", snapshot).isPositive();
      assertThat(snapshot.rewardedBaseUnits()).isPositive();
      assertThat(snapshot.coverageCells()).as("coverage cells: %s", snapshot).isPositive();
      HotspotPlan first = plan.hotspots().get(0);
      HttpResponse<String> lookup =
          status.get(
              "v1/coverage/point?lat="
                  + first.site().latDegrees()
                  + "&lng="
                  + first.site().lngDegrees());
      assertThat(lookup.statusCode()).isEqualTo(200);
      assertThat(lookup.body()).contains("\"covered\":");
      assertThat(status.get("").statusCode()).as("the map page").isEqualTo(200);
      // the map's hotspot panel charts this history from the same origin
      long paidHotspots = 0;
      for (String key : byKey.keySet()) {
        HttpResponse<String> history = status.get("v1/rewards/hotspots/" + key + "/epochs");
        assertThat(history.statusCode()).isEqualTo(200);
        if (history.body().contains("\"total\":")) {
          paidHotspots++;
        }
      }
      assertThat(paidHotspots).as("hotspots with a reward history").isPositive();

      // the terminal shows progress, and no scheduled beacon failed
      List<String> progress = devnet.lines().stream().filter(PROGRESS.asPredicate()).toList();
      assertThat(progress).as("progress lines").isNotEmpty();
      Matcher last = PROGRESS.matcher(progress.get(progress.size() - 1));
      assertThat(last.find()).isTrue();
      assertThat(Long.parseLong(last.group(1))).as("beacons sent").isPositive();
      assertThat(Long.parseLong(last.group(2))).as("beacons failed").isZero();

      // Ctrl-C stops the fleet, the services and PostgreSQL
      Path postmaster = dir.resolve("postgres").resolve("postmaster.pid");
      assertThat(postmaster).as("PostgreSQL runs").exists();
      int exit = devnet.interrupt(Duration.ofMinutes(1));
      assertThat(devnet.lines()).contains("hexproof devnet: stopped");
      assertThat(exit).as("exit code after SIGINT").isIn(0, 130);
      assertThat(postmaster).as("PostgreSQL stopped").doesNotExist();
      assertThat(devnet.logLines())
          .as("no beacon failed, not even while stopping")
          .noneMatch(l -> l.contains("a beacon failed"));
    } finally {
      deleteTree(dir);
    }
  }

  /** The public key of every hotspot of the plan, from the data directory the devnet wrote. */
  private static Map<String, HotspotPlan> keys(FleetPlan plan, Path dir) throws IOException {
    Map<String, HotspotPlan> byKey = new java.util.HashMap<>();
    for (HotspotPlan h : plan.hotspots()) {
      Path file = dir.resolve("hotspots").resolve(h.name()).resolve("hotspot.key");
      byKey.put(
          KeyFileFormat.read(Files.readAllBytes(file), Network.MAINNET).publicKey().toBase58(), h);
    }
    return byKey;
  }

  /** Who has a verified beacon in the oracle's feed. */
  private static Set<String> beaconers(DevnetStatus status) throws IOException {
    return PocFeed.read(status).stream()
        .filter(PocFeed.Verdict::isBeacon)
        .map(PocFeed.Verdict::hotspot)
        .collect(Collectors.toSet());
  }

  private static java.util.stream.Collector<Radio, ?, Set<Radio>> toEnumSet() {
    return Collectors.toCollection(() -> EnumSet.noneOf(Radio.class));
  }

  private static String fmt(double v) {
    return Long.toString((long) v);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
