package org.hexproof.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hexproof.fieldtests.devnet.Devnet;
import org.hexproof.fieldtests.devnet.DevnetStatus;
import org.hexproof.fieldtests.fleet.Cheat;
import org.hexproof.fieldtests.fleet.FleetPlan;
import org.hexproof.fieldtests.sites.City;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hexproof devnet}: the whole network on one machine (field-tests' {@link Devnet}): oracle,
 * gateway, rewards and coverage in one context on one HTTP port with an embedded PostgreSQL, a
 * simulated fleet of hotspots on an accelerated clock, and a progress line every few seconds until
 * Ctrl-C, which stops the fleet, then the services and the database.
 */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = "Run the whole network on one machine (oracle, rewards, gateway, map, fleet).")
final class DevnetCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--hotspots",
      defaultValue = "12",
      converter = Hotspots.class,
      paramLabel = "N",
      description = "serial-module hotspots, 1..200; default ${DEFAULT-VALUE}")
  int hotspots;

  @Option(
      names = "--city",
      defaultValue = "valletta",
      paramLabel = "NAME",
      description = "valletta, amsterdam, lisbon, austin or melbourne; default ${DEFAULT-VALUE}")
  String city;

  @Option(
      names = "--speed",
      defaultValue = "10",
      paramLabel = "X",
      description = "simulated seconds per second, 1..30; default ${DEFAULT-VALUE}")
  double speed;

  @Option(
      names = "--concentrators",
      defaultValue = "0",
      converter = Concentrators.class,
      paramLabel = "N",
      description =
          "concentrator gateways on UDP besides the serial hotspots, 0..200; default"
              + " ${DEFAULT-VALUE}")
  int concentrators;

  @Option(
      names = "--wifi",
      defaultValue = "0",
      converter = Wifi.class,
      paramLabel = "N",
      description = "WiFi (ESP-AT) hotspots on socat ptys, 0..50; default ${DEFAULT-VALUE}")
  int wifi;

  @Option(
      names = "--adversaries",
      description =
          "add one cheater of each kind: false location, inflated RSSI, too-close pair,"
              + " denied edge, beacon replayer")
  boolean adversaries;

  @Option(names = "--fresh", description = "delete the data directory first")
  boolean fresh;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      paramLabel = "PORT",
      description = "HTTP port of everything; default ${DEFAULT-VALUE}")
  int httpPort;

  @Option(
      names = "--gateway-port",
      defaultValue = "1680",
      paramLabel = "PORT",
      description = "packet forwarders' UDP port, a free one when taken; default ${DEFAULT-VALUE}")
  int gatewayPort;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "database, keys and outboxes; default ~/.hexproof/devnet")
  Path dataDir;

  @Option(
      names = "--progress-every",
      defaultValue = "5",
      paramLabel = "SECONDS",
      description = "seconds between progress lines; default ${DEFAULT-VALUE}")
  int progressEvery;

  @Override
  public Integer call() throws InterruptedException {
    CommandLine cli = spec.commandLine();
    Options.inRange(cli, "--http-port", httpPort, 0, 65_535);
    Options.inRange(cli, "--gateway-port", gatewayPort, 0, 65_535);
    Options.inRange(cli, "--progress-every", progressEvery, 1, 3600);
    if (!(speed >= 1 && speed <= 30)) {
      throw Options.bad(cli, "--speed", "1..30", speed);
    }
    City where = Options.city(cli, "--city", city);
    Path dir =
        dataDir != null
            ? dataDir
            : Paths.get(System.getProperty("user.home"), ".hexproof", "devnet");
    if (fresh) {
      deleteTree(dir);
    }
    PrintWriter out = cli.getOut();
    Duration beaconInterval = Duration.ofMinutes(5);
    Duration epochLength = Duration.ofMinutes(15);
    out.printf(
        "hexproof devnet: %d hotspots in %s (%s), speed %sx, beacon interval %d min and epochs of %d"
            + " min (simulated), data in %s%n",
        hotspots,
        where.name(),
        where.region().displayName(),
        fmt(speed),
        beaconInterval.toMinutes(),
        epochLength.toMinutes(),
        dir);
    out.println(
        "radios: emulated RAK3172, RN2483 and LoRa-E5 modules on in-process serial links, "
            + concentrators
            + " concentrators, "
            + wifi
            + " WiFi hotspots"
            + (adversaries ? ", one adversary of each kind" : "")
            + "; listen channels spread over the region's 8 beacon channels");
    out.flush();
    FleetPlan plan =
        FleetPlan.in(where, Devnet.FLEET_SEED)
            .serialModules(hotspots)
            .concentrators(concentrators)
            .wifi(wifi)
            .withCheats(adversaries ? EnumSet.allOf(Cheat.class) : EnumSet.noneOf(Cheat.class))
            .build();
    Devnet devnet =
        Devnet.start(
            new Devnet.Options(
                hotspots,
                where,
                speed,
                dir,
                httpPort,
                gatewayPort,
                beaconInterval,
                epochLength,
                System.err),
            plan,
            adversaries);
    Instant started = devnet.clock().instant();
    out.printf(
        "map at %s (gateway UDP %d). HIP-106 reciprocity: the first round of beacons ends invalid"
            + " (gateway_no_valid_witnesses / gateway_no_valid_beacons) until hotspots have"
            + " witnessed and beaconed once; expect the first valid PoC after about two beacon"
            + " intervals (%s s here) and the first epoch after about %s s. Ctrl-C stops.%n",
        devnet.url(),
        devnet.gatewayPort(),
        fmt(2 * beaconInterval.toSeconds() / speed),
        fmt((2 * epochLength.toSeconds() + 120) / speed));
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch stopping = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stopping.countDown();
              out.println("hexproof devnet: stopping the fleet, then the services and PostgreSQL");
              out.flush();
              devnet.close();
              out.println("hexproof devnet: stopped");
              out.flush();
              stopped.countDown();
            },
            "hexproof-devnet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    DevnetStatus status = new DevnetStatus(devnet.url());
    while (!stopping.await(progressEvery, java.util.concurrent.TimeUnit.SECONDS)) {
      out.println(line(devnet, status, started));
      out.flush();
    }
    stopped.await();
    return 0;
  }

  private static String line(Devnet devnet, DevnetStatus status, Instant started) {
    Instant now = devnet.clock().instant();
    Duration up = Duration.between(started, now);
    String head =
        String.format(
            Locale.ROOT,
            "[sim %s +%d:%02d:%02d] beacons sent %d (failed %d)",
            now.truncatedTo(ChronoUnit.SECONDS),
            up.toHours(),
            up.toMinutesPart(),
            up.toSecondsPart(),
            devnet.beaconsSent(),
            devnet.beaconFailures());
    try {
      DevnetStatus.Snapshot s = status.read();
      String verdicts =
          s.verdicts().entrySet().stream()
              .map(Map.Entry::getKey)
              .sorted()
              .map(k -> k + "=" + s.verdicts().get(k))
              .collect(Collectors.joining(", "));
      return String.format(
          Locale.ROOT,
          "%s | reports in: %d beacons, %d witnesses | verdicts: %s | feed %d | epochs minted %d%s,"
              + " rewarded %s | coverage cells %d | %s",
          head,
          s.beaconReports(),
          s.witnessReports(),
          verdicts.isEmpty() ? "none yet" : verdicts,
          s.feedEntries(),
          s.epochsMinted(),
          s.lastClosedEpoch().map(e -> " (last #" + e + ")").orElse(""),
          s.rewardedTokens().stripTrailingZeros().toPlainString(),
          s.coverageCells(),
          devnet.url());
    } catch (IOException | RuntimeException e) {
      return head + " | status unavailable: " + e.getMessage();
    }
  }

  static final class Hotspots extends Options.Count {
    Hotspots() {
      super(1, 200);
    }
  }

  static final class Concentrators extends Options.Count {
    Concentrators() {
      super(0, 200);
    }
  }

  static final class Wifi extends Options.Count {
    Wifi() {
      super(0, 50);
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("--fresh: cannot delete " + dir, e);
    }
  }
}
