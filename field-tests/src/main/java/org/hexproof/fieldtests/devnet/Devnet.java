package org.hexproof.fieldtests.devnet;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.bridge.daemon.BeaconScheduler;
import org.hexproof.bridge.daemon.HotspotConfig;
import org.hexproof.bridge.daemon.HotspotDaemon;
import org.hexproof.bridge.emulator.Rak3172Emulator;
import org.hexproof.bridge.serial.SerialLineOptions;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.Network;
import org.hexproof.fieldtests.rf.RadioSite;
import org.hexproof.fieldtests.rf.SimulatedMedium;
import org.hexproof.fieldtests.sites.City;
import org.hexproof.fieldtests.sites.SiteSampler;
import org.hexproof.poc.verify.RuleProfile;

/**
 * The whole network on one machine: one Micronaut context with the oracle, gateway, rewards and
 * coverage environments (one HTTP port, one embedded PostgreSQL), an {@link AcceleratedClock} every
 * service and hotspot reads, and a fleet of {@link HotspotDaemon}s, each driving an emulated
 * RAK3172 over an {@link InProcessLink}, all on one {@link SimulatedMedium} at {@link SiteSampler}
 * sites of a {@link City}.
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
   * @param hotspots fleet size, 1..200
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
      if (hotspots < 1 || hotspots > 200) {
        throw new IllegalArgumentException("hotspots: expected 1..200, got " + hotspots);
      }
      if (!(speed >= 1 && speed <= 1000)) {
        throw new IllegalArgumentException("speed: expected 1..1000, got " + speed);
      }
    }
  }

  /** One hotspot of the fleet. */
  public record Hotspot(String name, String key, LatLng site, int listenChannel) {}

  private final Options options;
  private final AcceleratedClock clock;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final List<Hotspot> fleet = new ArrayList<>();
  private final AtomicLong beaconsSent = new AtomicLong();
  private final AtomicLong beaconFailures = new AtomicLong();
  private ApplicationContext context;
  private EmbeddedServer server;
  private URI url;

  private Devnet(Options options) {
    this.options = options;
    this.clock = AcceleratedClock.startingAt(Instant.now(), options.speed());
  }

  /**
   * Starts the services, then the fleet; on failure stops what was started and rethrows.
   *
   * @throws UncheckedIOException when the data directory cannot be used
   */
  public static Devnet start(Options options) {
    Devnet devnet = new Devnet(options);
    try {
      devnet.startServices();
      devnet.startFleet();
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

  /** The rule profile the devnet's oracle judges with. */
  public static RuleProfile ruleProfile(Duration beaconInterval) {
    RuleProfile h = RuleProfile.heliumIot2025();
    return new RuleProfile(
        h.name() + "-devnet",
        h.entropyLifespan(),
        beaconInterval,
        h.maxBeaconToWitnessLag(),
        h.maxWitnessLag(),
        h.maxFrequencyDeltaHz(),
        h.minDistanceParentResolution(),
        h.minDistanceCells(),
        h.maxDistanceKm(),
        h.reciprocityWindow(),
        h.maxWitnesses(),
        h.witnessRedundancy(),
        h.rewardDecayRate(),
        h.rewardUnitCap(),
        h.rewardUnitDecimals(),
        h.speedOfLightMps());
  }

  /** The base URL of everything: map, APIs, health, metrics. */
  public URI url() {
    return url;
  }

  /** The shared accelerated clock. */
  public AcceleratedClock clock() {
    return clock;
  }

  /** The running context (tests read beans from it). */
  public ApplicationContext context() {
    return context;
  }

  /** The fleet, in start order. */
  public List<Hotspot> fleet() {
    return List.copyOf(fleet);
  }

  /** Beacons the fleet has sent. */
  public long beaconsSent() {
    return beaconsSent.get();
  }

  /** Scheduled beacons that failed (entropy not yet available, radio errors). */
  public long beaconFailures() {
    return beaconFailures.get();
  }

  /** The gateway's UDP port. */
  public int gatewayPort() {
    return context.getProperty("hexproof.gateway.port", Integer.class).orElse(-1);
  }

  private void startServices() {
    Path dir = options.dataDir();
    Path oracleKey = dir.resolve("oracle.key");
    ensureOracleKey(oracleKey);
    Map<String, Object> p = new HashMap<>();
    p.put("hexproof.database.data-directory", dir.resolve("postgres").toString());
    p.put("hexproof.clock.supplied", true);
    p.put("hexproof.oracle.key-file", oracleKey.toString());
    p.put("hexproof.oracle.network", "mainnet");
    p.put("hexproof.oracle.entropy-interval", ms(clock.wall(Duration.ofSeconds(60), ms(200))));
    p.put(
        "hexproof.oracle.verifier-poll-interval", ms(clock.wall(Duration.ofSeconds(30), ms(200))));
    p.put(
        "hexproof.oracle.watermark-grace",
        ms(max(Duration.ofSeconds(10), Duration.ofMillis((long) (2_000 * options.speed())))));
    p.put("hexproof.gateway.enabled", true);
    p.put(
        "hexproof.gateway.port",
        options.gatewayPort() == 0 || !udpPortFree(options.gatewayPort())
            ? freeUdpPort()
            : options.gatewayPort());
    p.put("hexproof.rewards.enabled", true);
    p.put("hexproof.rewards.oracle-key-file", oracleKey.toString());
    p.put("hexproof.rewards.epoch-length", ms(options.epochLength()));
    p.put("hexproof.rewards.close-offset", ms(Duration.ofMinutes(1)));
    p.put("hexproof.rewards.poll-interval", ms(clock.wall(Duration.ofSeconds(5), ms(200))));
    p.put("hexproof.rewards.close-interval", ms(clock.wall(Duration.ofSeconds(30), ms(500))));
    p.put("hexproof.coverage.enabled", true);
    p.put("hexproof.coverage.poll-interval", ms(clock.wall(Duration.ofSeconds(5), ms(200))));
    p.put("hexproof.coverage.refresh-interval", ms(clock.wall(Duration.ofSeconds(60), ms(1000))));
    int port = options.httpPort() == 0 ? freeTcpPort() : options.httpPort();
    p.put("micronaut.server.port", port);
    String self = "http://localhost:" + port;
    p.put("hexproof.rewards.oracle-url", self);
    p.put("hexproof.coverage.oracle-url", self);
    context =
        ApplicationContext.builder()
            .environments("oracle", "gateway", "rewards", "coverage")
            .properties(p)
            .singletons(clock, ruleProfile(options.beaconInterval()))
            .banner(false)
            .start();
    running.push(context::close);
    server = context.getBean(EmbeddedServer.class);
    server.start();
    running.push(server::stop);
    url = URI.create(self + "/");
  }

  private void startFleet() {
    Path dir = options.dataDir();
    SimulatedMedium medium = SimulatedMedium.manual(options.city().environment(FLEET_SEED), clock);
    ScheduledExecutorService air =
        Executors.newSingleThreadScheduledExecutor(r -> daemonThread(r, "devnet-air"));
    air.scheduleAtFixedRate(medium::deliverDue, 5, 5, TimeUnit.MILLISECONDS);
    running.push(() -> stop(air));
    ScheduledExecutorService beacons =
        Executors.newScheduledThreadPool(4, r -> daemonThread(r, "devnet-beacons"));
    running.push(() -> stop(beacons));
    List<LatLng> sites =
        new SiteSampler(options.city(), FLEET_SEED)
            .sample(options.hotspots(), SiteSampler.POC_MIN_SEPARATION_METERS);
    String oracleKey = readKey(dir.resolve("oracle.key")).publicKey().toBase58();
    int channels = options.city().region().plan().channelsHz().size();
    HotspotDaemon.Options daemonOptions =
        new HotspotDaemon.Options(
            SerialLineOptions.defaults(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            false);
    for (int i = 0; i < sites.size(); i++) {
      String name = String.format(Locale.ROOT, "h%02d", i + 1);
      Path home = dir.resolve("hotspots").resolve(name);
      LatLng site = sites.get(i);
      int listen = i % channels;
      InProcessLink link = new InProcessLink("devnet-" + name);
      running.push(link);
      Rak3172Emulator module = new Rak3172Emulator(link.moduleEnd(), medium);
      medium.place(module, new RadioSite(name, site, 30, 10.0));
      module.start();
      running.push(module);
      Properties c = new Properties();
      c.setProperty("key-file", home.resolve("hotspot.key").toString());
      c.setProperty("network", "mainnet");
      c.setProperty("data-dir", home.resolve("data").toString());
      c.setProperty("oracle.url", url.toString());
      c.setProperty("oracle.public-key", oracleKey);
      c.setProperty("location", site.latDegrees() + "," + site.lngDegrees());
      c.setProperty("antenna.gain-ddbi", "30");
      c.setProperty("antenna.elevation-m", "10");
      c.setProperty("region", options.city().region().displayName());
      c.setProperty("radio.type", "rak3172");
      c.setProperty("radio.device", "in-process:" + name);
      c.setProperty("radio.listen-channel", Integer.toString(listen));
      c.setProperty("beacon.window", options.beaconInterval().toSeconds() + "s");
      c.setProperty("outbox.backoff.initial", ms(clock.wall(Duration.ofSeconds(1), ms(100))));
      c.setProperty("outbox.backoff.max", ms(clock.wall(Duration.ofMinutes(1), ms(1000))));
      HotspotConfig config = HotspotConfig.fromProperties(c, home);
      Random random = new SecureRandom();
      HotspotDaemon daemon =
          new HotspotDaemon(config, clock, random, daemonOptions, link.hostEnd());
      daemon.start();
      running.push(daemon);
      fleet.add(new Hotspot(name, daemon.publicKey().toBase58(), site, listen));
      OptionalLong last =
          daemon
              .status()
              .lastBeacon()
              .map(b -> OptionalLong.of(b.window()))
              .orElse(OptionalLong.empty());
      new Beaconing(daemon, new BeaconScheduler(options.beaconInterval(), clock, random), beacons)
          .schedule(last);
    }
  }

  /** One hotspot's beacon timer on the accelerated clock. */
  private final class Beaconing {
    private final HotspotDaemon daemon;
    private final BeaconScheduler schedule;
    private final ScheduledExecutorService timer;

    Beaconing(HotspotDaemon daemon, BeaconScheduler schedule, ScheduledExecutorService timer) {
      this.daemon = daemon;
      this.schedule = schedule;
      this.timer = timer;
    }

    void schedule(OptionalLong lastWindow) {
      Duration until = Duration.between(clock.instant(), schedule.nextFire(lastWindow));
      Duration wall = until.isNegative() ? Duration.ZERO : clock.wall(until, Duration.ZERO);
      try {
        timer.schedule(() -> fire(lastWindow), wall.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // stopping
      }
    }

    private void fire(OptionalLong lastWindow) {
      try {
        daemon.beaconNow();
        beaconsSent.incrementAndGet();
        schedule(OptionalLong.of(schedule.windowOf(clock.instant())));
      } catch (RuntimeException e) {
        if (beaconFailures.incrementAndGet() <= 3) {
          options.log().println("devnet: a beacon failed, retrying: " + e);
        }
        Duration retry = clock.wall(Duration.ofSeconds(30), ms(100));
        try {
          timer.schedule(() -> schedule(lastWindow), retry.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
          // stopping
        }
      }
    }
  }

  /**
   * Stops the fleet (beacon timers, daemons, modules, links, the air), then the HTTP server and the
   * context, which stops the workers and the embedded PostgreSQL. Never throws.
   */
  @Override
  public synchronized void close() {
    while (!running.isEmpty()) {
      AutoCloseable next = running.pop();
      try {
        next.close();
      } catch (Exception e) {
        options.log().println("devnet: stopping " + next + ": " + e);
      }
    }
  }

  private static void ensureOracleKey(Path file) {
    try {
      Files.createDirectories(file.getParent());
      if (Files.exists(file)) {
        return;
      }
      Ed25519KeyPair key = Ed25519KeyPair.generate(Network.MAINNET, new SecureRandom());
      Files.write(file, KeyFileFormat.writePem(key));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
    } catch (IOException e) {
      throw new UncheckedIOException("devnet: cannot create the oracle key " + file, e);
    }
  }

  private static Ed25519KeyPair readKey(Path file) {
    try {
      return KeyFileFormat.read(Files.readAllBytes(file), Network.MAINNET);
    } catch (IOException e) {
      throw new UncheckedIOException("devnet: cannot read the oracle key " + file, e);
    }
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static String ms(Duration d) {
    return Math.max(1, d.toMillis()) + "ms";
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static int freeTcpPort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freeUdpPort() {
    try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean udpPortFree(int port) {
    try (java.net.DatagramSocket s = new java.net.DatagramSocket(port)) {
      return s.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }

  private static Thread daemonThread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void stop(ScheduledExecutorService executor) throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
