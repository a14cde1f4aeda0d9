package org.hexproof.fieldtests.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.hexproof.fieldtests.devnet.Devnet;
import org.hexproof.fieldtests.devnet.DevnetStatus;
import org.hexproof.fieldtests.fleet.FleetPlan;

/**
 * Given a fleet plan, a devnet running it; when the clock runs, the oracle may be restarted and the
 * run waits for a condition. Keeps what the thens read: the devnet, its HTTP reader, when the
 * services restarted.
 */
final class ScenarioRun implements AutoCloseable {
  /** The fleet's beacon window: concentrators stay within EU868's 1 % duty cycle (20 beacons/h). */
  static final Duration BEACON_WINDOW = Duration.ofMinutes(3);

  static final Duration EPOCH = Duration.ofMinutes(6);

  /**
   * The run is bounded by simulated time (the first epoch with valid PoCs is closed and the last
   * cheat caught after 12–24 simulated minutes): 15 instead of 10 cuts the wall time by a third
   * (105–145 s at 10, 58–103 s at 15 on a shared machine). WiFi witnesses still mostly make the 4 s
   * lateness bound (a 3-WiFi devnet at 15 under load 40–55, of 20 witnesses judged past the
   * reciprocity rules: 18 valid with lags up to 2.8 s, 2 too late).
   */
  static final double SPEED = 15;

  final Devnet devnet;
  final DevnetStatus http;
  final Path dir;
  final Instant started;
  final Instant startedWall;
  Instant restartedAt;
  Instant restartedWall;

  private ScenarioRun(Devnet devnet, Path dir, Instant startedWall) {
    this.devnet = devnet;
    this.dir = dir;
    this.http = new DevnetStatus(devnet.url());
    this.started = devnet.clock().instant();
    this.startedWall = startedWall;
    log("devnet started");
  }

  /** Given: a devnet running {@code plan}, every hotspot's oracle traffic through the relay. */
  static ScenarioRun given(FleetPlan plan) throws IOException {
    Path dir = Files.createTempDirectory("hexproof-scenario-");
    Instant wall = Instant.now();
    Devnet devnet =
        Devnet.start(
            new Devnet.Options(
                plan.hotspots().size(),
                plan.city(),
                SPEED,
                dir,
                0,
                0,
                BEACON_WINDOW,
                EPOCH,
                System.err),
            plan,
            true);
    return new ScenarioRun(devnet, dir, wall);
  }

  /** Prints where the run's wall time went, for reading a slow CI run. */
  void log(String what) {
    System.err.printf(
        "scenario: %s after %.1f s of wall time (%s simulated)%n",
        what, Duration.between(startedWall, Instant.now()).toMillis() / 1000.0, elapsed());
  }

  /** Simulated time since the start. */
  Duration elapsed() {
    return Duration.between(started, devnet.clock().instant());
  }

  /**
   * When: runs until {@code done} holds or {@code budget} of wall time passed, restarting the
   * services once when {@code restartAfter} of simulated time has passed.
   *
   * @return whether {@code done} held
   */
  boolean runUntil(Predicate<DevnetStatus.Snapshot> done, Duration restartAfter, Duration budget)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(budget);
    while (Instant.now().isBefore(deadline)) {
      if (restartedAt == null && elapsed().compareTo(restartAfter) >= 0) {
        restartedAt = devnet.clock().instant();
        Instant wall = Instant.now();
        devnet.restartServices();
        restartedWall = wall;
        log("services restarted");
      }
      if (restartedAt != null && done.test(http.read())) {
        log("done");
        return true;
      }
      Thread.sleep(2_000);
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    devnet.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
