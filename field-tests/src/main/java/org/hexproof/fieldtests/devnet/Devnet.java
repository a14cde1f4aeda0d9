package org.hexproof.fieldtests.devnet;

import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hexproof.bridge.daemon.HotspotDaemon;
import org.hexproof.bridge.daemon.KeyFiles;
import org.hexproof.bridge.daemon.ReportTimes;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Network;
import org.hexproof.fieldtests.fleet.FleetPlan;
import org.hexproof.fieldtests.rf.SimulatedMedium;
import org.hexproof.fieldtests.sites.City;
import org.hexproof.fieldtests.sites.SiteSampler;
import org.hexproof.gateway.beacon.BeaconTransmitter;

/**
 * The whole network on one machine: one Micronaut context with the oracle, gateway, rewards and
 * coverage environments (one HTTP port, one embedded PostgreSQL), an {@link AcceleratedClock} every
 * service and hotspot reads, and the {@link Fleet} of a {@link FleetPlan}: {@link HotspotDaemon}s
 * driving emulated serial modules over {@link InProcessLink}s, concentrator hotspots on real UDP,
 * WiFi hotspots on socat pseudo-terminals, all on one {@link SimulatedMedium} at {@link
 * SiteSampler} sites of a {@link City}.
 *
 * <p>Simulated time: the PoC rules' bounds (entropy 180 s, witness lateness 4 s) and the beacon
 * interval are simulated durations; every wall-clock scheduler of the services (entropy, verifier,
 * feed polls, epoch close checks) is divided by the speed. The devnet's rule profile is Helium's
 * with {@link Options#beaconInterval()} as its beacon interval, the hotspots' beacon window.
 *
 * <p>Single-channel modules hear only their listen channel; the devnet spreads the listen channels
 * round-robin over the region's eight beacon channels, so a beacon is heard by the hotspots that
 * listen on its channel (a witness reports its listen frequency, so an all-channel receiver would
 * fail the 100 kHz frequency rule).
 */
public final class Devnet implements AutoCloseable {
  /** Listen-channel and site seed: the same data directory gets the same fleet. */
  public static final long FLEET_SEED = 20_261_125L;

  /**
   * What to run.
   *
   * @param hotspots fleet size, 1..5000
   * @param city where the fleet stands
   * @param speed simulated seconds per wall-clock second, 1..1000
   * @param dataDir postgres, keys and outboxes
   * @param httpPort the one HTTP port (0: a free one)
   * @param gatewayPort the packet forwarders' UDP port (0: a free one)
   * @param beaconInterval the rule profile's beacon interval and the hotspots' window (divides 24
   *     h)
   * @param epochLength the rewards epoch, simulated
   * @param log where start-up and stop messages go
   */
  public record Options(
      int hotspots,
      City city,
      double speed,
      Path dataDir,
      int httpPort,
      int gatewayPort,
      Duration beaconInterval,
      Duration epochLength,
      PrintStream log) {
    /** Validates. */
    public Options {
      Objects.requireNonNull(city, "city");
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(beaconInterval, "beaconInterval");
      Objects.requireNonNull(epochLength, "epochLength");
      Objects.requireNonNull(log, "log");
      if (hotspots < 1 || hotspots > 5000) {
        throw new IllegalArgumentException("hotspots: expected 1..5000, got " + hotspots);
      }
      if (!(speed >= 1 && speed <= 1000)) {
        throw new IllegalArgumentException("speed: expected 1..1000, got " + speed);
      }
    }
  }

  /** One hotspot of the fleet. */
  public record Hotspot(String name, String key, LatLng site, int listenChannel) {}

  private final Options options;
  private final FleetPlan plan;
  private final boolean relay;
  private final AcceleratedClock clock;
  private final GatewayUplinks uplinks = new GatewayUplinks();
  private final DevnetServices services;
  private OracleUplink oracleUplink;
  private Fleet fleet;

  private Devnet(Options options, FleetPlan plan, boolean relay) {
    this.options = options;
    this.plan = plan;
    this.relay = relay;
    this.clock = AcceleratedClock.startingAt(Instant.now(), options.speed());
    this.services = new DevnetServices(options, clock, uplinks);
  }

  /**
   * Starts the services, then a fleet of {@code options.hotspots()} serial-module hotspots
   * (RAK3172, RN2483 and LoRa-E5 in turn) at sampled sites of the city; on failure stops what was
   * started and rethrows.
   *
   * @throws UncheckedIOException when the data directory cannot be used
   */
  public static Devnet start(Options options) {
    FleetPlan plan =
        FleetPlan.in(options.city(), FLEET_SEED).serialModules(options.hotspots()).build();
    return start(options, plan, false);
  }

  /**
   * Starts the services, then the fleet of {@code plan} (its city wins over {@code options.city()}
   * and {@code options.hotspots()} is ignored), then the operator's denied edges of the plan.
   *
   * @param relay route every hotspot's oracle traffic through a relay that records acknowledged
   *     reports ({@link #acknowledged()}); required when a hotspot replays beacons
   * @throws IllegalArgumentException when the plan replays beacons without the relay
   */
  public static Devnet start(Options options, FleetPlan plan, boolean relay) {
    Adversaries.requireRelayForReplays(plan, relay);
    Devnet devnet = new Devnet(options, plan, relay);
    try {
      devnet.services.start();
      devnet.startFleet();
      Adversaries.denyEdges(
          plan,
          devnet.url(),
          devnet.operatorToken(),
          name -> devnet.hotspot(name).orElseThrow().key());
      return devnet;
    } catch (RuntimeException | Error e) {
      for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
        options.log().println("devnet: caused by " + t);
        if (t.getCause() == null) {
          StackTraceElement[] at = t.getStackTrace();
          for (int i = 0; i < Math.min(8, at.length); i++) {
            options.log().println("devnet:   at " + at[i]);
          }
        }
      }
      devnet.close();
      throw e;
    }
  }

  /** The base URL of everything: map, APIs, health, metrics. */
  public URI url() {
    return services.url();
  }

  /** The shared accelerated clock. */
  public AcceleratedClock clock() {
    return clock;
  }

  /** The running context (tests read beans from it); a new one after {@link #restartServices}. */
  public ApplicationContext context() {
    return services.context();
  }

  /** The plan the fleet was started from. */
  public FleetPlan plan() {
    return plan;
  }

  /** The fleet, in start order. */
  public List<Hotspot> fleet() {
    return fleet.members().stream()
        .map(m -> new Hotspot(m.plan().name(), m.key(), m.plan().site(), m.plan().listenChannel()))
        .toList();
  }

  /** The hotspot named {@code name}. */
  public Optional<Hotspot> hotspot(String name) {
    return fleet().stream().filter(h -> h.name().equals(name)).findFirst();
  }

  /** Beacons the fleet has sent. */
  public long beaconsSent() {
    return fleet.beaconsSent();
  }

  /** Hotspots of the plan that failed to start and were left out (logged). */
  public int hotspotsLeftOut() {
    return fleet.startFailures();
  }

  /** The most beacons in flight at once so far (sending, or waiting for a beacon thread). */
  public int beaconsInFlightPeak() {
    return fleet.beaconsInFlightPeak();
  }

  /** Mean wall time a sent beacon took (entropy fetch, time on air, serial round trips). */
  public Duration meanBeaconWall() {
    return fleet.meanBeaconWall();
  }

  /** How long the serial hotspots' reports took on their way, on the devnet's clock. */
  public ReportTimes reportTimes() {
    return fleet.reportTimes();
  }

  /** Scheduled beacons that failed (entropy not yet available, radio errors). */
  public long beaconFailures() {
    return fleet.beaconFailures();
  }

  /** Every report the oracle acknowledged to the fleet; empty without the relay. */
  public List<AckedReport> acknowledged() {
    return oracleUplink == null ? List.of() : oracleUplink.acks();
  }

  /** The operator token the devnet's oracle accepts for denylist changes. */
  public String operatorToken() {
    return services.operatorToken();
  }

  /** The gateway's UDP port. */
  public int gatewayPort() {
    return services.gatewayPort();
  }

  /**
   * Stops the services (HTTP server, context, PostgreSQL) and starts them again on the same ports
   * and data, while the fleet keeps running: what an oracle restart looks like to the hotspots.
   */
  public synchronized void restartServices() {
    services.stop();
    services.start();
  }

  private void startFleet() {
    Set<String> replayers = Adversaries.replayers(plan);
    if (relay) {
      oracleUplink = OracleUplink.start(url(), replayers);
    }
    Fleet.Wiring wiring =
        new Fleet.Wiring(
            options.dataDir(),
            clock,
            options.beaconInterval(),
            name -> relay ? oracleUplink.urlFor(name) : url(),
            KeyFiles.loadOrCreate(options.dataDir().resolve("oracle.key"), Network.MAINNET)
                .publicKey(),
            () -> services.context().getBean(BeaconTransmitter.class),
            new InetSocketAddress("127.0.0.1", services.gatewayPort()),
            uplinks,
            options.log());
    SimulatedMedium medium = SimulatedMedium.manual(plan.city().environment(FLEET_SEED), clock);
    fleet = new Fleet(plan, medium, wiring, FLEET_SEED);
    fleet.start();
  }

  /**
   * Stops the fleet (beacon timers, hotspots, modules, links, the air), the relay, then the HTTP
   * server and the context, which stops the workers and the embedded PostgreSQL. Never throws.
   */
  @Override
  public synchronized void close() {
    for (AutoCloseable next : new AutoCloseable[] {fleet, oracleUplink, uplinks}) {
      if (next == null) {
        continue;
      }
      try {
        next.close();
      } catch (Exception e) {
        options.log().println("devnet: stopping " + next + ": " + e);
      }
    }
    try {
      services.stop();
    } catch (RuntimeException e) {
      options.log().println("devnet: stopping the services: " + e);
    }
  }
}
