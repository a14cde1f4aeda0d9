package org.hexproof.fieldtests.devnet;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.hexproof.bridge.daemon.KeyFiles;
import org.hexproof.core.keys.Network;
import org.hexproof.fieldtests.forwarder.SimulatedForwarder;
import org.hexproof.poc.verify.RuleProfile;
import org.hexproof.poc.verify.RuleProfiles;

/**
 * The devnet's one Micronaut context: oracle, gateway, rewards and coverage environments on one
 * HTTP port and one embedded PostgreSQL, every scheduler divided by the clock's speed. Its ports
 * and operator token are chosen once, so a restart comes back on the same ones.
 */
final class DevnetServices {
  /** Threads of the services' IO pool, which runs their blocking request handlers. */
  static final int IO_THREADS = 64;

  private final Devnet.Options options;
  private final AcceleratedClock clock;
  private final GatewayUplinks uplinks;
  private final String operatorToken = HexFormat.of().formatHex(randomBytes(16));
  private final int httpPort;
  private final int gatewayPort;
  private ApplicationContext context;
  private EmbeddedServer server;
  private URI url;

  /**
   * Services for {@code options} (not yet started): the HTTP port of the options or a free one,
   * their gateway port when it is free, else a free one.
   */
  DevnetServices(Devnet.Options options, AcceleratedClock clock, GatewayUplinks uplinks) {
    this.options = options;
    this.clock = clock;
    this.uplinks = uplinks;
    this.httpPort = options.httpPort() == 0 ? freeTcpPort() : options.httpPort();
    this.gatewayPort =
        options.gatewayPort() == 0 || !udpPortFree(options.gatewayPort())
            ? freeUdpPort()
            : options.gatewayPort();
  }

  /** The base URL of everything; null before the first {@link #start}. */
  URI url() {
    return url;
  }

  /** The running context; null when stopped. */
  ApplicationContext context() {
    return context;
  }

  /** The operator token the oracle accepts for denylist changes. */
  String operatorToken() {
    return operatorToken;
  }

  /** The gateway's UDP port. */
  int gatewayPort() {
    return gatewayPort;
  }

  /** Creates the oracle's key file when missing, starts the context, then its HTTP server. */
  void start() {
    KeyFiles.loadOrCreate(options.dataDir().resolve("oracle.key"), Network.MAINNET);
    context = newContext();
    server = context.getBean(EmbeddedServer.class);
    server.start();
    url = URI.create("http://localhost:" + httpPort + "/");
  }

  /** Stops the HTTP server, then the context (its workers and the embedded PostgreSQL). */
  void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
    if (context != null) {
      context.close();
      context = null;
    }
  }

  /**
   * Helium's rule profiles with {@code beaconInterval} as their beacon interval: LoRa beacons by
   * Helium's constants, WiFi beacons by the WiFi radio constants.
   */
  static RuleProfiles ruleProfiles(Duration beaconInterval) {
    return RuleProfiles.of(
        RuleProfile.heliumIot2025().withBeaconInterval("helium-iot-2025-devnet", beaconInterval));
  }

  /** Starts the context (not yet its HTTP server). */
  private ApplicationContext newContext() {
    Path dir = options.dataDir();
    Path oracleKey = dir.resolve("oracle.key");
    Map<String, Object> p = new HashMap<>();
    p.put("hexproof.database.data-directory", dir.resolve("postgres").toString());
    // a devnet shares its cores with the fleet: 5 s to connect is too short on a busy machine
    p.put("hexproof.database.acquire-timeout", "30s");
    p.put("hexproof.clock.supplied", true);
    p.put("hexproof.oracle.key-file", oracleKey.toString());
    p.put("hexproof.oracle.network", "mainnet");
    p.put("hexproof.oracle.operator-token", operatorToken);
    p.put("hexproof.oracle.entropy-interval", ms(clock.wall(Duration.ofSeconds(60), ms(200))));
    p.put(
        "hexproof.oracle.verifier-poll-interval", ms(clock.wall(Duration.ofSeconds(30), ms(200))));
    p.put(
        "hexproof.oracle.watermark-grace",
        ms(max(Duration.ofSeconds(10), Duration.ofMillis((long) (2_000 * options.speed())))));
    p.put("hexproof.gateway.enabled", true);
    p.put("hexproof.gateway.port", gatewayPort);
    // the registry judges "offline" on the simulated clock, but the simulated forwarders keep alive
    // every 10 wall seconds (SimulatedForwarder.KEEPALIVE): the default 60 s would put every
    // concentrator offline between two keepalives from speed 6 on, failing its beacons; allow six
    // missed keepalives, as the default does in real time
    p.put(
        "hexproof.gateway.offline-after",
        ms(
            max(
                Duration.ofSeconds(60),
                Duration.ofMillis(
                    (long) (6 * SimulatedForwarder.KEEPALIVE.toMillis() * options.speed())))));
    p.put("hexproof.rewards.enabled", true);
    p.put("hexproof.rewards.oracle-key-file", oracleKey.toString());
    p.put("hexproof.rewards.epoch-length", ms(options.epochLength()));
    p.put("hexproof.rewards.close-offset", ms(Duration.ofMinutes(1)));
    p.put("hexproof.rewards.poll-interval", ms(clock.wall(Duration.ofSeconds(5), ms(200))));
    p.put("hexproof.rewards.close-interval", ms(clock.wall(Duration.ofSeconds(30), ms(500))));
    p.put("hexproof.coverage.enabled", true);
    p.put("hexproof.coverage.poll-interval", ms(clock.wall(Duration.ofSeconds(5), ms(200))));
    // the map is rebuilt from every witness on each refresh (18 % of a 1,000-hotspot devnet's CPU
    // when it ran every 6 wall seconds): 30 wall ms per hotspot between rebuilds, 30 s at 1,000
    p.put(
        "hexproof.coverage.refresh-interval",
        ms(clock.wall(Duration.ofSeconds(60), ms(Math.max(1_000L, 30L * options.hotspots())))));
    p.put("micronaut.server.port", httpPort);
    // Micronaut's IO pool (which runs the blocking handlers) is an unbounded cached pool by
    // default:
    // at 2,000 hotspots it grew to 5,280 threads. Bounded, requests queue for a thread instead;
    // they would wait for one of the database pool's connections anyway
    p.put("micronaut.executors.io.type", "fixed");
    p.put("micronaut.executors.io.number-of-threads", IO_THREADS);
    String self = "http://localhost:" + httpPort;
    p.put("hexproof.rewards.oracle-url", self);
    p.put("hexproof.coverage.oracle-url", self);
    return ApplicationContext.builder()
        .environments("oracle", "gateway", "rewards", "coverage")
        .properties(p)
        .singletons(clock, ruleProfiles(options.beaconInterval()), uplinks)
        .banner(false)
        .start();
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
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

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static String ms(Duration d) {
    return Math.max(1, d.toMillis()) + "ms";
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
