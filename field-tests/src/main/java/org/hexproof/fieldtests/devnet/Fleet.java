package org.hexproof.fieldtests.devnet;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hexproof.bridge.daemon.DaemonRuntime;
import org.hexproof.bridge.daemon.HotspotDaemon;
import org.hexproof.bridge.daemon.ReportTimes;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.fieldtests.fleet.FleetPlan;
import org.hexproof.fieldtests.fleet.HotspotPlan;
import org.hexproof.fieldtests.rf.RfEnvironment;
import org.hexproof.fieldtests.rf.SimulatedMedium;
import org.hexproof.fieldtests.rf.SimulatedWifiAir;
import org.hexproof.gateway.beacon.BeaconTransmitter;

/**
 * Starts and stops the hotspots of a {@link FleetPlan} on one {@link SimulatedMedium}: serial LoRa
 * modules (emulators on {@link InProcessLink}s driven by {@link HotspotDaemon}s), concentrators
 * ({@link ConcentratorHotspot}s on real UDP to the gateway server) and WiFi modules (ESP-AT
 * emulators on socat pseudo-terminals, each at its site on one {@link SimulatedWifiAir} in {@link
 * #wifiEnvironment}), and one beacon timer per hotspot on the accelerated clock. Not thread-safe:
 * start and close from one thread.
 */
final class Fleet implements AutoCloseable {
  /** Hotspots started at once. */
  static final int PARALLEL_STARTS = 16;

  /**
   * Reports per beacon the daemons' pool is sized for: the beacon's and its witnesses' (18.4 per
   * beacon measured at 1,000 hotspots in the DevnetScale disc).
   */
  static final int REPORTS_PER_BEACON = 20;

  /**
   * Wall time one report holds a daemon worker, which the pool is sized for: its outbox append and
   * acknowledgement (each an fsync), the state update of a witness (another) and the blocking HTTP
   * request to the oracle. Measured in DevnetScale on a loaded machine: sending alone took 12 ms
   * (p50) to 46 ms (p90) of wall time.
   */
  static final Duration REPORT_BUDGET = Duration.ofMillis(100);

  /** The fewest threads of the daemons' pool. */
  static final int MIN_DAEMON_WORKERS = 32;

  /** The most threads of the daemons' pool, whatever the fleet. */
  static final int MAX_DAEMON_WORKERS = 512;

  /**
   * The 2.4 GHz environment of the devnet's WiFi hotspots: access points at street level on the
   * façades of low buildings, n = 3.0 and σ = 6 dB (the figures of {@link RfEnvironment#suburban}).
   * At {@link FleetPlan#WIFI_SPACING_METERS} (150 m) the median beacon arrives at about −82 dBm, 9
   * dB over the −91 dBm WiFi floor and 21 dB (3.5 σ) under the free-space bound of the oracle's
   * RSSI rule (poc-rules.md §3); two lattice steps apart (260 m) about 2 dB over the floor; at 300
   * m on the floor.
   */
  static RfEnvironment wifiEnvironment(long seed) {
    return new RfEnvironment(
        "street-wifi", 3.0, 1.0, 6.0, RfEnvironment.SEMTECH_NOISE_FIGURE_DB, seed);
  }

  /** What the fleet needs from the devnet. */
  record Wiring(
      Path dataDir,
      AcceleratedClock clock,
      Duration beaconInterval,
      Function<String, URI> oracleUrlFor,
      PublicKey oracleKey,
      Supplier<BeaconTransmitter> transmitter,
      InetSocketAddress gateway,
      GatewayUplinks uplinks,
      java.io.PrintStream log) {}

  /** A started hotspot: its plan and its public key. */
  record Member(HotspotPlan plan, String key) {}

  private final FleetPlan plan;
  private final Wiring wiring;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final List<Member> members = new ArrayList<>();
  private final BeaconTimers timers;
  private final SimulatedMedium medium;
  private final DaemonRuntime runtime;
  private final ModuleThreads modules;
  private final HotspotStarter hotspotStarter;
  private int startFailures;

  Fleet(FleetPlan plan, SimulatedMedium medium, Wiring wiring, long seed) {
    this.plan = plan;
    this.medium = medium;
    SimulatedWifiAir wifiAir =
        new SimulatedWifiAir(wifiEnvironment(medium.budget().environment().seed()));
    this.wiring = wiring;
    this.timers =
        new BeaconTimers(
            wiring.clock(), wiring.beaconInterval(), plan.hotspots().size(), wiring.log(), seed);
    this.modules = new ModuleThreads(wiring.clock());
    this.runtime =
        DaemonRuntime.shared(
            "devnet-hotspot",
            daemonWorkersFor(
                plan.hotspots().size(), wiring.clock().speed(), wiring.beaconInterval()));
    this.hotspotStarter = new HotspotStarter(plan, medium, wifiAir, wiring, runtime, modules);
  }

  /**
   * Threads of the daemons' shared runtime, which run their blocking work (module commands, outbox
   * writes, reports to the oracle): by Little's law, reports per wall second times {@link
   * #REPORT_BUDGET}, within the bounds. A fixed 32 were all busy at 1,000 hotspots (thread dumps:
   * 26 of 32 in fsync, the rest in HTTP sends), and reports then waited seconds for a thread while
   * the rules give a witness 150-400 wall ms at speed 10.
   */
  static int daemonWorkersFor(int hotspots, double speed, Duration window) {
    return BeaconTimers.poolSize(
        BeaconTimers.beaconsPerWallSecond(hotspots, speed, window) * REPORTS_PER_BEACON,
        REPORT_BUDGET,
        MIN_DAEMON_WORKERS,
        MAX_DAEMON_WORKERS);
  }

  /**
   * Starts every hotspot, up to {@link #PARALLEL_STARTS} at a time (a serial module's start waits
   * for its emulated reboot); on failure the caller closes the fleet.
   */
  List<Member> start() {
    running.push(modules);
    ScheduledExecutorService air =
        Executors.newSingleThreadScheduledExecutor(
            r -> DevnetThreads.daemonThread(r, "devnet-air"));
    air.scheduleAtFixedRate(medium::deliverDue, 5, 5, TimeUnit.MILLISECONDS);
    running.push(() -> DevnetThreads.stop(air));
    ExecutorService starter =
        Executors.newFixedThreadPool(
            PARALLEL_STARTS, r -> DevnetThreads.daemonThread(r, "devnet-start"));
    try {
      List<Future<HotspotStarter.Started>> starts = new ArrayList<>();
      List<HotspotPlan> hotspots = plan.hotspots();
      for (int i = 0; i < hotspots.size(); i++) {
        HotspotPlan h = hotspots.get(i);
        int index = i;
        Path home = wiring.dataDir().resolve("hotspots").resolve(h.name());
        starts.add(starter.submit(() -> hotspotStarter.start(h, home, index)));
      }
      for (int i = 0; i < starts.size(); i++) {
        try {
          HotspotStarter.Started started = starts.get(i).get();
          if (started == null) {
            continue;
          }
          started.parts().forEach(running::push);
          members.add(started.member());
          timers.add(started.beaconer(), started.lastWindow());
        } catch (ExecutionException e) {
          // one module that does not come up must not take the whole network down with it
          startFailures++;
          wiring
              .log()
              .println("devnet: hotspot " + hotspots.get(i).name() + " left out: " + e.getCause());
        }
      }
      if (members.isEmpty() && !hotspots.isEmpty()) {
        throw new IllegalStateException("devnet: no hotspot of the fleet started");
      }
      return List.copyOf(members);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the fleet", e);
    } finally {
      starter.shutdown();
    }
  }

  /** Hotspots of the plan that failed to start and were left out. */
  int startFailures() {
    return startFailures;
  }

  /** The hotspots started, in plan order. */
  List<Member> members() {
    return List.copyOf(members);
  }

  /** Beacons the fleet has sent. */
  long beaconsSent() {
    return timers.sent();
  }

  /** Scheduled beacons that failed. */
  long beaconFailures() {
    return timers.failures();
  }

  /** The most beacons in flight at once (running or waiting for a beacon thread). */
  int beaconsInFlightPeak() {
    return timers.peakInFlight();
  }

  /** How long the daemons' reports took on their way. */
  ReportTimes reportTimes() {
    return runtime.reportTimes();
  }

  /** Mean wall time a sent beacon took. */
  Duration meanBeaconWall() {
    return timers.meanBeaconWall();
  }

  /**
   * Stops the beacon timers and the air, then every hotspot in reverse start order, then the
   * hotspots' shared runtime.
   */
  @Override
  public void close() {
    timers.close();
    while (!running.isEmpty()) {
      AutoCloseable next = running.pop();
      try {
        next.close();
      } catch (Exception e) {
        wiring.log().println("devnet: stopping " + next + ": " + e);
      }
    }
    runtime.close();
  }
}
