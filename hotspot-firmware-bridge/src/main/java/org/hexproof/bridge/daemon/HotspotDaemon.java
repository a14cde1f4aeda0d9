package org.hexproof.bridge.daemon;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.ReportKind;
import org.hexproof.bridge.outbox.Sender;
import org.hexproof.bridge.radio.AccessPoint;
import org.hexproof.bridge.radio.RadioPort;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.bridge.radio.WifiPort;
import org.hexproof.bridge.serial.SerialLineOptions;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.radio.ChannelPlan;
import org.hexproof.core.radio.LoraDataRate;
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
 * witnesses the beacon SSIDs its periodic scans see.
 *
 * <p>Threads: {@code hotspot-beacon} (schedule), {@code hotspot-worker} (received frames), {@code
 * hotspot-wifi} (scans), the outbox sender and the driver's own; {@link #close} stops them in
 * reverse start order.
 */
public final class HotspotDaemon implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HotspotDaemon.class);
  private static final String IDLE_SSID = "hexproof-idle";

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
  private final org.hexproof.bridge.serial.LineChannelOpener radioLink;
  private final Clock clock;
  private final Random random;
  private final Options options;
  private final ChannelPlan plan;
  private final BeaconScheduler scheduler;
  private final SeenBeacons seen = new SeenBeacons();
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final Object beaconLock = new Object();
  private final Object stateLock = new Object();
  private Ed25519KeyPair key;
  private Outbox outbox;
  private Sender sender;
  private OracleClient oracle;
  private RadioPort lora;
  private WifiPort wifi;
  private RadioSettings listenSettings;
  private ScheduledExecutorService beaconTimer;
  private ScheduledExecutorService wifiTimer;
  private ExecutorService worker;
  private volatile DaemonState state;

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
      org.hexproof.bridge.serial.LineChannelOpener radioLink) {
    this.radioLink = radioLink;
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.options = Objects.requireNonNull(options, "options");
    this.plan = config.region().plan();
    this.scheduler = new BeaconScheduler(config.beaconWindow(), clock, random);
  }

  /** Where the outbox of {@code config} lives: {@code <data-dir>/outbox}. */
  public static Path outboxDir(HotspotConfig config) {
    return config.dataDir().resolve("outbox");
  }

  /**
   * Starts everything; on failure, stops what was started and rethrows.
   *
   * @throws IllegalStateException for {@code radio.type = gateway} (TODO(#5))
   * @throws org.hexproof.bridge.radio.LinkDownException when the radio device cannot be opened
   * @throws java.io.UncheckedIOException when the key, data directory or outbox cannot be used
   */
  public synchronized void start() {
    if (config.radioType() == RadioType.GATEWAY) {
      throw new IllegalStateException(
          "radio.type gateway: concentrator hotspots through lora-gateway are not wired yet, TODO(#5)");
    }
    try {
      key = KeyFiles.loadOrCreate(config.keyFile(), config.network());
      state = DaemonState.read(config.dataDir());
      outbox = Outbox.open(outboxDir(config), clock);
      running.push(outbox);
      oracle = OracleClient.create(config.oracleUrl(), config.oraclePublicKey());
      sender = new Sender(outbox, new OracleSink(oracle), config.backoff(), clock, random);
      sender.setErrorListener(this::recordError);
      register();
      sender.start();
      running.push(sender);
      worker = Executors.newSingleThreadExecutor(r -> thread(r, "hotspot-worker"));
      running.push(() -> stopExecutor(worker));
      if (config.radioType().isWifi()) {
        startWifi();
      } else {
        startLora();
      }
      beaconTimer = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "hotspot-beacon"));
      running.push(() -> stopExecutor(beaconTimer));
      if (options.autoBeacon()) {
        scheduleNextBeacon();
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
   * Beacons now, whatever the schedule says (the scheduled fire calls this too): fetches entropy,
   * builds and transmits the beacon, queues the signed report.
   *
   * @return the beacon sent
   * @throws org.hexproof.bridge.oracle.OracleUnavailableException when entropy cannot be fetched
   * @throws org.hexproof.bridge.oracle.InvalidEntropyException when it is not signed by the oracle
   * @throws RuntimeException the radio's exceptions when the transmission fails
   */
  public Beacon beaconNow() {
    synchronized (beaconLock) {
      try {
        return beacon();
      } catch (RuntimeException e) {
        recordError("beacon failed: " + e.getMessage());
        throw e;
      }
    }
  }

  /**
   * Scans once for WiFi beacons and witnesses the new ones (esp-at only; also runs periodically).
   *
   * @return how many witness reports were queued
   */
  public int scanNow() {
    if (wifi == null) {
      throw new IllegalStateException("scanNow: not a WiFi hotspot, or not started");
    }
    int witnessed = 0;
    for (AccessPoint ap : wifi.scan()) {
      Optional<byte[]> prefix = WifiBeacons.decode(ap.ssid());
      if (prefix.isPresent() && isNew(prefix.get())) {
        witness(
            prefix.get(),
            ap.rssiDbm() * 10,
            0,
            WifiBeacons.frequencyOf(ap.channel()),
            DataRate.WIFI_2G4);
        witnessed++;
      }
    }
    return witnessed;
  }

  /** A snapshot of the running daemon. */
  public HotspotStatus status() {
    DaemonState now;
    synchronized (stateLock) {
      now = state;
    }
    return HotspotStatus.of(
        config, Optional.of(key.publicKey().toBase58()), now, outbox.depth(), outbox.parked());
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

  private void register() {
    PublicKey owner = config.ownerPublicKey().orElse(key.publicKey());
    String registration =
        String.join(
            "|",
            config.location().toString(),
            Integer.toString(config.gainDdbi()),
            Integer.toString(config.elevationM()),
            config.region().displayName(),
            owner.toBase58());
    if (state.registration().equals(Optional.of(registration))) {
      return;
    }
    Instant now = clock.instant();
    if (state.registration().isEmpty()) {
      outbox.append(ReportKind.ONBOARDING, Reports.onboarding(key, owner, now).toByteArray());
    }
    outbox.append(
        ReportKind.LOCATION,
        Reports.location(
                key,
                config.location(),
                config.gainDdbi(),
                config.elevationM(),
                config.region(),
                now)
            .toByteArray());
    updateState(s -> s.withRegistration(registration));
    log.info(
        "hotspot: queued {} for {}",
        state.lastBeacon().isEmpty() ? "onboarding and location" : "location",
        config.location());
  }

  private void startLora() {
    lora =
        radioLink == null
            ? Radios.openLora(config, options, clock)
            : Radios.openLora(config, options, clock, radioLink);
    running.push(lora);
    LoraDataRate dataRate =
        LoraDataRate.fromProto(plan.dataRateFor(Beacon.PAYLOAD_BYTES)).orElseThrow();
    listenSettings =
        RadioSettings.interop(
            plan.channelsHz().get(config.listenChannel()), dataRate, txPowerDbm());
    lora.configure(listenSettings);
    lora.startReceiving(frame -> worker.execute(() -> onFrame(frame)));
    log.info("hotspot: listening on {} Hz {}", listenSettings.frequencyHz(), dataRate);
  }

  private void startWifi() {
    wifi = Radios.openWifi(config, options, clock);
    running.push(wifi);
    wifiTimer = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "hotspot-wifi"));
    running.push(() -> stopExecutor(wifiTimer));
    long every = config.wifiScanInterval().toMillis();
    wifiTimer.scheduleWithFixedDelay(this::scheduledScan, every, every, TimeUnit.MILLISECONDS);
  }

  private int txPowerDbm() {
    return config.radioType().clampPowerDbm(plan.conductedPowerDbm(config.gainDdbi()));
  }

  private Beacon beacon() {
    EntropyReport remote = oracle.latestEntropy();
    byte[] local = new byte[Entropy.LOCAL_ENTROPY_BYTES];
    random.nextBytes(local);
    Beacon beacon =
        BeaconGenerator.generate(
            new Entropy(
                remote.getData().toByteArray(), remote.getTimestampS(), remote.getVersion()),
            Entropy.local(local),
            plan);
    Instant now = clock.instant();
    int power = txPowerDbm();
    boolean isWifi = config.radioType().isWifi();
    seen.remember(isWifi ? WifiBeacons.prefix(beacon) : beacon.data(), SeenBeacons.Origin.OWN);
    // Recorded before sending: after a crash mid-send the window counts as used, never twice.
    updateState(
        s ->
            s.withBeacon(
                new BeaconSummary(
                    scheduler.windowOf(now),
                    now,
                    beacon.id(),
                    beacon.frequencyHz(),
                    beacon.dataRate().name(),
                    power)));
    if (isWifi) {
      transmitWifi(beacon);
    } else {
      transmitLora(beacon, power);
    }
    byte[] report = Reports.beacon(key, local, remote.getData(), beacon, power, now).toByteArray();
    outbox.append(ReportKind.BEACON, report);
    sender.wake();
    log.info(
        "beacon {} sent on {} Hz {} at {} dBm (window {})",
        beacon.id(),
        beacon.frequencyHz(),
        beacon.dataRate(),
        power,
        scheduler.windowOf(now));
    return beacon;
  }

  private void transmitLora(Beacon beacon, int power) {
    LoraDataRate dataRate = LoraDataRate.fromProto(beacon.dataRate()).orElseThrow();
    try {
      lora.configure(RadioSettings.interop(beacon.frequencyHz(), dataRate, power));
      lora.transmit(beacon.frame());
    } finally {
      lora.configure(listenSettings);
    }
  }

  private void transmitWifi(Beacon beacon) {
    int channel = WifiBeacons.channelOf(beacon.frequencyHz());
    wifi.startSoftAp(WifiBeacons.ssid(beacon), channel);
    wifiTimer.schedule(
        () -> {
          try {
            wifi.startSoftAp(IDLE_SSID, channel);
          } catch (RuntimeException e) {
            recordError("wifi: withdrawing beacon SSID: " + e.getMessage());
          }
        },
        config.wifiBeaconDuration().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void onFrame(ReceivedFrame frame) {
    byte[] payload = frame.payload();
    if (payload.length != Beacon.FRAME_BYTES || payload[0] != Beacon.PROPRIETARY_MHDR) {
      log.debug("hotspot: ignoring a {}-byte frame that is no beacon", payload.length);
      return;
    }
    byte[] data = Arrays.copyOfRange(payload, 1, payload.length);
    if (isNew(data)) {
      witness(
          data,
          frame.rssiDbm() * 10,
          (int) Math.round(frame.snrDb() * 10),
          frame.frequencyHz(),
          listenSettings.dataRate().toProto().orElseThrow());
    }
  }

  private boolean isNew(byte[] data) {
    Optional<SeenBeacons.Origin> before = seen.remember(data, SeenBeacons.Origin.HEARD);
    before.ifPresent(
        origin ->
            log.info(
                "ignoring {} beacon {}",
                origin == SeenBeacons.Origin.OWN ? "own" : "repeated",
                java.util.HexFormat.of().formatHex(data, 0, 8)));
    return before.isEmpty();
  }

  private void witness(
      byte[] data, int signalDdbm, int snrDdb, long frequencyHz, DataRate dataRate) {
    byte[] report =
        Reports.witness(key, data, signalDdbm, snrDdb, frequencyHz, dataRate, clock.instant())
            .toByteArray();
    outbox.append(ReportKind.WITNESS, report);
    sender.wake();
    updateState(DaemonState::withWitness);
    log.info(
        "witnessed beacon {} on {} Hz {}: {} ddBm, snr {} ddB",
        java.util.Base64.getEncoder().encodeToString(ByteString.copyFrom(data).toByteArray()),
        frequencyHz,
        dataRate,
        signalDdbm,
        snrDdb);
  }

  private void scheduleNextBeacon() {
    Instant fire = scheduler.nextFire(state.lastBeaconWindow());
    long delayMs = Math.max(0, Duration.between(clock.instant(), fire).toMillis());
    log.info("hotspot: next beacon at {}", fire);
    beaconTimer.schedule(this::scheduledBeacon, delayMs, TimeUnit.MILLISECONDS);
  }

  private void scheduledBeacon() {
    try {
      if (state
          .lastBeaconWindow()
          .equals(java.util.OptionalLong.of(scheduler.windowOf(clock.instant())))) {
        scheduleNextBeacon();
        return;
      }
      beaconNow();
      scheduleNextBeacon();
    } catch (RuntimeException e) {
      log.warn(
          "hotspot: beacon failed, retrying in {} s: {}",
          options.beaconRetry().toSeconds(),
          e.getMessage());
      beaconTimer.schedule(
          this::scheduleNextBeacon, options.beaconRetry().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void scheduledScan() {
    try {
      scanNow();
    } catch (RuntimeException e) {
      recordError("wifi scan failed: " + e.getMessage());
    }
  }

  private void recordError(String error) {
    updateState(s -> s.withError(clock.instant() + " " + error));
  }

  private void updateState(UnaryOperator<DaemonState> change) {
    synchronized (stateLock) {
      state = change.apply(state);
      state.write(config.dataDir());
    }
  }

  private static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void stopExecutor(ExecutorService executor) throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
