package org.hexproof.bridge.daemon;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.hexproof.bridge.concentrator.ConcentratorRadio;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.Sender;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.bridge.serial.SerialLineOptions;
import org.hexproof.bridge.tasks.SerialExecutor;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotspot: on {@link #start} it loads or creates its key, opens its outbox and starts
 * delivering it, queues its onboarding and location assertion once, and opens its radio. A LoRa
 * hotspot then listens on its listen channel; at each {@link BeaconScheduler} moment it fetches
 * entropy, builds the beacon with 4 random local bytes, sends {@code beacon.frame()} on the
 * beacon's channel and datarate, and queues a signed {@code BeaconReport}. Every 52-byte frame with
 * header {@code 0xE0} that is neither its own beacon nor a repeat becomes a signed {@code
 * WitnessReport}. A WiFi (esp-at) hotspot beacons with a soft-AP SSID ({@link WifiBeacons}) and
 * witnesses the beacon SSIDs its periodic scans see. A concentrator hotspot ({@code radio.type =
 * gateway}) does the same through a {@link ConcentratorRadio}: its packet forwarder connects over
 * UDP, beacons go out as {@code txpk} within the region's rules, heard beacons come in as {@code
 * rxpk}. {@link Beacons} and {@link Witnesses} hold the two halves of the work.
 *
 * <p>Threads: none of its own. The schedule ({@code hotspot-beacon}), received frames ({@code
 * hotspot-worker}), WiFi scans ({@code hotspot-wifi}), the outbox sender and the serial driver's
 * events and supervision each run in a {@link org.hexproof.bridge.tasks.SerialExecutor} on a {@link
 * DaemonRuntime}: one the daemon makes and closes itself, or one shared by many daemons (the
 * devnet's fleet) and closed by its owner. {@link #close} stops them in reverse start order.
 */
public final class HotspotDaemon implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HotspotDaemon.class);

  /**
   * Timing that is not operator configuration.
   *
   * @param serial serial ping and reopen timing
   * @param commandTimeout how long a module command may take
   * @param scanTimeout how long a WiFi scan may take
   * @param beaconRetry wait after a failed scheduled beacon before trying again in the window
   * @param autoBeacon whether the schedule fires beacons (tests trigger {@link #beaconNow} instead)
   */
  public record Options(
      SerialLineOptions serial,
      Duration commandTimeout,
      Duration scanTimeout,
      Duration beaconRetry,
      boolean autoBeacon) {
    /** Validates. */
    public Options {
      Objects.requireNonNull(serial, "serial");
      Objects.requireNonNull(commandTimeout, "commandTimeout");
      Objects.requireNonNull(scanTimeout, "scanTimeout");
      Objects.requireNonNull(beaconRetry, "beaconRetry");
    }

    /** Serial defaults, 2 s commands, 10 s scans, 60 s beacon retry, scheduled beacons. */
    public static Options defaults() {
      return new Options(
          SerialLineOptions.defaults(),
          Duration.ofSeconds(2),
          Duration.ofSeconds(10),
          Duration.ofSeconds(60),
          true);
    }
  }

  private final HotspotConfig config;
  private final LineChannelOpener radioLink;
  private final Clock clock;
  private final Random random;
  private final Options options;
  private final BeaconScheduler scheduler;
  private final SeenBeacons seen = new SeenBeacons();
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final DaemonRuntime sharedRuntime;
  private Ed25519KeyPair key;
  private StateKeeper states;
  private Outbox outbox;
  private Sender sender;
  private DaemonRadio radio;
  private Beacons beacons;
  private Witnesses witnesses;

  /**
   * @param config the operator's configuration
   * @param clock time for schedules, reports and logs
   * @param random local entropy, beacon moments and backoff jitter (a {@code SecureRandom} in
   *     production)
   * @param options timing
   */
  public HotspotDaemon(HotspotConfig config, Clock clock, Random random, Options options) {
    this(config, clock, random, options, null);
  }

  /**
   * A LoRa hotspot whose module is reached over {@code radioLink} instead of {@code radio.device}
   * (the devnet's in-process serial links; {@code radio.device} must still be set, it names the
   * link in logs).
   *
   * @param radioLink opens the host end of the module's line link; null: {@code radio.device}
   */
  public HotspotDaemon(
      HotspotConfig config,
      Clock clock,
      Random random,
      Options options,
      LineChannelOpener radioLink) {
    this(config, clock, random, options, radioLink, null);
  }

  /**
   * A daemon on a runtime shared with other daemons in this process: it makes no thread and no HTTP
   * client of its own, and {@link #close} leaves {@code runtime} running.
   *
   * @param radioLink opens the host end of the module's line link; null: {@code radio.device}
   * @param runtime the shared threads and oracle clients; null: the daemon makes its own
   */
  public HotspotDaemon(
      HotspotConfig config,
      Clock clock,
      Random random,
      Options options,
      LineChannelOpener radioLink,
      DaemonRuntime runtime) {
    this.sharedRuntime = runtime;
    this.radioLink = radioLink;
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.options = Objects.requireNonNull(options, "options");
    this.scheduler = new BeaconScheduler(config.beaconWindow(), clock, random);
  }

  /** Where the outbox of {@code config} lives: {@code <data-dir>/outbox}. */
  public static Path outboxDir(HotspotConfig config) {
    return config.dataDir().resolve("outbox");
  }

  /**
   * Starts everything; on failure, stops what was started and rethrows.
   *
   * @throws org.hexproof.bridge.radio.LinkDownException when the radio device cannot be opened, or
   *     a concentrator's UDP port cannot be bound
   * @throws java.io.UncheckedIOException when the key, data directory or outbox cannot be used
   */
  public synchronized void start() {
    try {
      DaemonRuntime runtime = sharedRuntime;
      if (runtime == null) {
        runtime = DaemonRuntime.standalone();
        running.push(runtime); // closed last
      }
      key = KeyFiles.loadOrCreate(config.keyFile(), config.network());
      SerialExecutor stateWriter = runtime.serial("hotspot-state");
      states = new StateKeeper(config.dataDir(), clock, stateWriter);
      running.push(
          () -> {
            stop(stateWriter);
            states.flush();
          });
      outbox = Outbox.open(outboxDir(config), clock);
      running.push(outbox);
      OracleClient oracle = runtime.oracle(config.oracleUrl(), config.oraclePublicKey());
      sender = OracleSink.sender(outbox, oracle, config, clock, random, runtime.workers());
      sender.setErrorListener(states::recordError);
      ReportTimes times = runtime.reportTimes();
      sender.setDeliveryListener(times.listener());
      Registration.queue(config, key, outbox, states, clock);
      sender.start();
      running.push(sender);
      SerialExecutor worker = runtime.serial("hotspot-worker");
      running.push(() -> stop(worker));
      witnesses = new Witnesses(key, outbox, sender, states, seen, clock, times);
      radio =
          DaemonRadio.open(
              config,
              options,
              clock,
              radioLink,
              states,
              witnesses,
              worker,
              runtime.workers(),
              running);
      beacons =
          new Beacons(
              config, key, oracle, outbox, sender, states, seen, scheduler, clock, random, radio,
              times);
      SerialExecutor beaconTimer = runtime.serial("hotspot-beacon");
      running.push(() -> stop(beaconTimer));
      if (options.autoBeacon()) {
        beacons.scheduleNext(beaconTimer, options.beaconRetry());
      }
      log.info(
          "hotspot {} started: {} at {} in {}, outbox depth {}",
          key.publicKey().toBase58(),
          config.radioType().configName(),
          config.location(),
          config.region().displayName(),
          outbox.depth());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The hotspot's public key; only after {@link #start}. */
  public PublicKey publicKey() {
    return key.publicKey();
  }

  /**
   * Where a concentrator hotspot's packet forwarder must send (the bound UDP address, with the real
   * port when 0 was configured); empty for serial radios. Only after {@link #start}.
   */
  public Optional<InetSocketAddress> forwarderAddress() {
    return radio.forwarderAddress();
  }

  /**
   * Beacons now, whatever the schedule says (the scheduled fire calls this too): fetches entropy,
   * builds and transmits the beacon, queues the signed report.
   *
   * @return the beacon sent
   * @throws org.hexproof.bridge.oracle.OracleUnavailableException when entropy cannot be fetched
   * @throws org.hexproof.bridge.oracle.InvalidEntropyException when it is not signed by the oracle
   * @throws org.hexproof.bridge.radio.TransmitRefusedException when the region's rules forbid the
   *     transmission (concentrators); no report is queued
   * @throws RuntimeException the radio's exceptions when the transmission fails
   */
  public Beacon beaconNow() {
    return beacons.beaconNow();
  }

  /**
   * Scans once for WiFi beacons and witnesses the new ones (esp-at only; also runs periodically).
   *
   * @return how many witness reports were queued
   */
  public int scanNow() {
    if (radio == null) {
      throw new IllegalStateException("scanNow: not started");
    }
    return witnesses.onScan(radio.scan());
  }

  /** A snapshot of the running daemon. */
  public HotspotStatus status() {
    return HotspotStatus.of(
        config,
        Optional.of(key.publicKey().toBase58()),
        states.current(),
        outbox.depth(),
        outbox.parked());
  }

  /** Stops radio, timers, sender and outbox, in reverse start order. Never throws. */
  @Override
  public synchronized void close() {
    while (!running.isEmpty()) {
      AutoCloseable next = running.pop();
      try {
        next.close();
      } catch (Exception e) {
        log.warn("hotspot: stopping {}: {}", next, e.toString());
      }
    }
  }

  static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Drops what {@code executor} has queued and waits up to 5 s for its running task. */
  static void stop(SerialExecutor executor) {
    executor.close();
    if (!executor.awaitIdle(Duration.ofSeconds(5))) {
      log.warn("hotspot: {} still runs a task 5 s after close", executor);
    }
  }
}
