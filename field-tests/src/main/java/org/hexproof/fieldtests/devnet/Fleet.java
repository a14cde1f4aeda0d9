package org.hexproof.fieldtests.devnet;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hexproof.bridge.daemon.DaemonRuntime;
import org.hexproof.bridge.daemon.HotspotConfig;
import org.hexproof.bridge.daemon.HotspotDaemon;
import org.hexproof.bridge.daemon.ReportTimes;
import org.hexproof.bridge.emulator.EspAtEmulator;
import org.hexproof.bridge.emulator.LoraE5Emulator;
import org.hexproof.bridge.emulator.LoraEmulator;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.emulator.Rn2483Emulator;
import org.hexproof.bridge.outbox.Backoff;
import org.hexproof.bridge.serial.JsscLineChannel;
import org.hexproof.bridge.serial.SerialLineOptions;
import org.hexproof.bridge.serial.SocatPair;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.radio.Region;
import org.hexproof.fieldtests.fleet.Cheat;
import org.hexproof.fieldtests.fleet.FleetPlan;
import org.hexproof.fieldtests.fleet.HotspotPlan;
import org.hexproof.fieldtests.rf.RadioSite;
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
  private final SimulatedWifiAir wifiAir;
  private final DaemonRuntime runtime;
  private final ModuleThreads modules;
  private int startFailures;

  Fleet(FleetPlan plan, SimulatedMedium medium, Wiring wiring, long seed) {
    this.plan = plan;
    this.medium = medium;
    this.wifiAir = new SimulatedWifiAir(wifiEnvironment(medium.budget().environment().seed()));
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
        Executors.newSingleThreadScheduledExecutor(r -> Devnet.daemonThread(r, "devnet-air"));
    air.scheduleAtFixedRate(medium::deliverDue, 5, 5, TimeUnit.MILLISECONDS);
    running.push(() -> Devnet.stop(air));
    ExecutorService starter =
        Executors.newFixedThreadPool(PARALLEL_STARTS, r -> Devnet.daemonThread(r, "devnet-start"));
    try {
      List<Future<Started>> starts = new ArrayList<>();
      List<HotspotPlan> hotspots = plan.hotspots();
      for (int i = 0; i < hotspots.size(); i++) {
        HotspotPlan h = hotspots.get(i);
        int index = i;
        Path home = wiring.dataDir().resolve("hotspots").resolve(h.name());
        starts.add(
            starter.submit(
                () ->
                    switch (h.radio()) {
                      case CONCENTRATOR -> startConcentrator(h, home);
                      case WIFI -> startWifi(h, home, index);
                      default -> startSerial(h, home);
                    }));
      }
      for (int i = 0; i < starts.size(); i++) {
        try {
          Started started = starts.get(i).get();
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

  /** What starting one hotspot produced: its parts in start order, and how to make it beacon. */
  private record Started(
      List<AutoCloseable> parts, Member member, Beaconer beaconer, OptionalLong lastWindow) {}

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

  private Started startSerial(HotspotPlan h, Path home) {
    List<AutoCloseable> parts = new ArrayList<>();
    InProcessLink link = modules.link("devnet-" + h.name());
    parts.add(link);
    LoraEmulator module =
        switch (h.radio()) {
          case RN2483 -> new Rn2483Emulator(link.moduleEnd(), medium, modules.emulators());
          case LORA_E5 -> new LoraE5Emulator(link.moduleEnd(), medium, modules.emulators());
          default -> new Rak3172Emulator(link.moduleEnd(), medium, modules.emulators());
        };
    medium.place(module, new RadioSite(h.name(), h.site(), 30, 10.0));
    module.start();
    parts.add(module);
    Properties c = daemonConfig(h, home);
    c.setProperty("region", plan.city().region().displayName());
    c.setProperty("radio.type", h.radio().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    c.setProperty("radio.device", "in-process:" + h.name());
    c.setProperty("radio.listen-channel", Integer.toString(h.listenChannel()));
    return startDaemon(h, c, home, link.hostEnd(), parts);
  }

  private Started startWifi(HotspotPlan h, Path home, int index) {
    List<AutoCloseable> parts = new ArrayList<>();
    SocatPair pair;
    try {
      java.nio.file.Files.createDirectories(home);
      Path socat = Path.of("/usr/bin/socat");
      // socat can take seconds to make its ptys on a busy machine: wait up to 20 s, not 5
      pair =
          java.nio.file.Files.isExecutable(socat)
              ? SocatPair.start(
                  socat,
                  home.resolve("tty-host"),
                  home.resolve("tty-module"),
                  Duration.ofSeconds(20))
              : SocatPair.start(home.resolve("tty-host"), home.resolve("tty-module"));
    } catch (IllegalStateException | java.io.IOException e) {
      wiring.log().println("devnet: WiFi hotspot " + h.name() + " left out: " + e.getMessage());
      return null;
    }
    parts.add(pair);
    // from the plan index: hotspots start in parallel, so the members list is still empty here
    String mac = String.format(Locale.ROOT, "02:00:00:00:%02x:%02x", index / 256, index % 256);
    // the 3 dBi antenna and 10 m elevation of daemonConfig, so the RSSI stays under the oracle's
    // free-space bound for the tx power the daemon reports (poc-rules.md §3)
    wifiAir.place(new RadioSite(mac, h.site(), 30, 10.0));
    EspAtEmulator module =
        new EspAtEmulator(
            JsscLineChannel.opener(pair.linkB(), 115_200), wifiAir, mac, modules.emulators());
    module.start();
    parts.add(module);
    Properties c = daemonConfig(h, home);
    c.setProperty("region", Region.WIFI_2G4.displayName());
    c.setProperty("radio.type", "esp-at");
    c.setProperty("radio.device", pair.linkA().toString());
    // scans run on the wall clock: fast enough that a witness lands within the 4 s lateness bound
    c.setProperty("wifi.scan-interval", "20ms");
    c.setProperty(
        "wifi.beacon-duration",
        ms(wiring.clock().wall(Duration.ofSeconds(30), Duration.ofMillis(500))));
    return startDaemon(h, c, home, null, parts);
  }

  private Started startConcentrator(HotspotPlan h, Path home) {
    ConcentratorHotspot c =
        ConcentratorHotspot.start(
            h,
            home,
            plan.city().region(),
            runtime.oracle(wiring.oracleUrlFor().apply(h.name()), Optional.of(wiring.oracleKey())),
            wiring.transmitter(),
            wiring.gateway(),
            medium,
            backoff());
    wiring.uplinks().register(c);
    return new Started(
        List.of(c), new Member(h, c.publicKey().toBase58()), c, OptionalLong.empty());
  }

  private Properties daemonConfig(HotspotPlan h, Path home) {
    Properties c = new Properties();
    c.setProperty("key-file", home.resolve("hotspot.key").toString());
    c.setProperty("network", "mainnet");
    c.setProperty("data-dir", home.resolve("data").toString());
    c.setProperty("oracle.url", wiring.oracleUrlFor().apply(h.name()).toString());
    c.setProperty("oracle.public-key", wiring.oracleKey().toBase58());
    LatLng asserted = h.asserted();
    c.setProperty("location", asserted.latDegrees() + "," + asserted.lngDegrees());
    c.setProperty("antenna.gain-ddbi", "30");
    c.setProperty("antenna.elevation-m", "10");
    c.setProperty("beacon.window", wiring.beaconInterval().toSeconds() + "s");
    Backoff b = backoff();
    c.setProperty("outbox.backoff.initial", ms(b.initial()));
    c.setProperty("outbox.backoff.max", ms(b.max()));
    return c;
  }

  private Started startDaemon(
      HotspotPlan h,
      Properties c,
      Path home,
      org.hexproof.bridge.serial.LineChannelOpener link,
      List<AutoCloseable> parts) {
    HotspotConfig config = HotspotConfig.fromProperties(c, home);
    Random random =
        h.cheats(Cheat.REPLAYED_BEACONS) ? new FrozenLocalEntropy() : new SecureRandom();
    HotspotDaemon.Options options =
        new HotspotDaemon.Options(
            SerialLineOptions.defaults(),
            // a module answers in milliseconds, but a devnet of thousands shares two cores
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            false);
    HotspotDaemon daemon =
        new HotspotDaemon(config, wiring.clock(), random, options, link, runtime);
    try {
      daemon.start();
    } catch (RuntimeException e) {
      closeQuietly(parts);
      throw e;
    }
    parts.add(daemon);
    return new Started(
        parts,
        new Member(h, daemon.publicKey().toBase58()),
        daemon::beaconNow,
        daemon
            .status()
            .lastBeacon()
            .map(b -> OptionalLong.of(b.window()))
            .orElse(OptionalLong.empty()));
  }

  private void closeQuietly(List<AutoCloseable> parts) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        wiring.log().println("devnet: stopping " + parts.get(i) + ": " + e);
      }
    }
  }

  private Backoff backoff() {
    AcceleratedClock clock = wiring.clock();
    return new Backoff(
        clock.wall(Duration.ofSeconds(1), Duration.ofMillis(100)),
        clock.wall(Duration.ofMinutes(1), Duration.ofMillis(1000)),
        0.2);
  }

  private static String ms(Duration d) {
    return Math.max(1, d.toMillis()) + "ms";
  }

  /**
   * A replaying hotspot's random source: its "local entropy" is always the same four bytes, so with
   * the entropy it keeps it sends the very same beacon again. Other draws are ordinary.
   */
  private static final class FrozenLocalEntropy extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public void nextBytes(byte[] bytes) {
      java.util.Arrays.fill(bytes, (byte) 0x5A);
    }
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
