package org.hexproof.bridge.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.ReportKind;
import org.hexproof.bridge.outbox.Sender;
import org.hexproof.bridge.tasks.SerialExecutor;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.radio.ChannelPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotspot's beacons: at each {@link BeaconScheduler} moment (or on demand) fetch entropy, build
 * the beacon with 4 random local bytes (radio.md §2.2), put it on the air and queue the signed
 * {@code BeaconReport}. A failed scheduled beacon is tried again after the retry wait, within the
 * same window only if the window was not yet marked used.
 */
final class Beacons {
  private static final Logger log = LoggerFactory.getLogger(HotspotDaemon.class);

  /** The radio as a beaconer uses it. */
  interface Air {
    /**
     * Puts a beacon on the air and returns when the transmission is done, before the radio is set
     * back to listening (see {@link #listenAgain}); on failure the radio listens again already.
     *
     * @return the power the radio really used, if it said
     */
    OptionalInt send(Beacon beacon, int txPowerDbm);

    /** Sets the radio back to listening after a successful {@link #send}. */
    void listenAgain();
  }

  private final boolean wifi;
  private final ChannelPlan plan;
  private final int txPowerDbm;
  private final Ed25519KeyPair key;
  private final OracleClient oracle;
  private final Outbox outbox;
  private final Sender sender;
  private final StateKeeper states;
  private final SeenBeacons seen;
  private final BeaconScheduler scheduler;
  private final Clock clock;
  private final Random random;
  private final Air air;
  private final ReportTimes times;
  private final Object lock = new Object();

  Beacons(
      HotspotConfig config,
      Ed25519KeyPair key,
      OracleClient oracle,
      Outbox outbox,
      Sender sender,
      StateKeeper states,
      SeenBeacons seen,
      BeaconScheduler scheduler,
      Clock clock,
      Random random,
      Air air,
      ReportTimes times) {
    this.wifi = config.radioType().isWifi();
    this.plan = config.region().plan();
    this.txPowerDbm = txPowerDbm(config);
    this.key = Objects.requireNonNull(key, "key");
    this.oracle = Objects.requireNonNull(oracle, "oracle");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.states = Objects.requireNonNull(states, "states");
    this.seen = Objects.requireNonNull(seen, "seen");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.air = Objects.requireNonNull(air, "air");
    this.times = Objects.requireNonNull(times, "times");
  }

  /** The conducted power for the region's EIRP and the antenna, within the radio's range. */
  static int txPowerDbm(HotspotConfig config) {
    return config
        .radioType()
        .clampPowerDbm(config.region().plan().conductedPowerDbm(config.gainDdbi()));
  }

  /** Beacons now, recording a failure as the last error before rethrowing it. */
  Beacon beaconNow() {
    synchronized (lock) {
      try {
        return beacon();
      } catch (RuntimeException e) {
        states.recordError("beacon failed: " + e.getMessage());
        throw e;
      }
    }
  }

  /**
   * Schedules the next beacon on {@code timer}, which runs it: the next window not yet used. After
   * the timer is closed nothing more is scheduled.
   */
  void scheduleNext(SerialExecutor timer, Duration retry) {
    Instant fire = scheduler.nextFire(states.current().lastBeaconWindow());
    long delayMs = Math.max(0, Duration.between(clock.instant(), fire).toMillis());
    log.info("hotspot: next beacon at {}", fire);
    timer.schedule(() -> scheduled(timer, retry), Duration.ofMillis(delayMs));
  }

  private void scheduled(SerialExecutor timer, Duration retry) {
    try {
      if (states
          .current()
          .lastBeaconWindow()
          .equals(OptionalLong.of(scheduler.windowOf(clock.instant())))) {
        scheduleNext(timer, retry);
        return;
      }
      beaconNow();
      scheduleNext(timer, retry);
    } catch (RuntimeException e) {
      log.warn("hotspot: beacon failed, retrying in {} s: {}", retry.toSeconds(), e.getMessage());
      timer.schedule(() -> scheduleNext(timer, retry), retry);
    }
  }

  private Beacon beacon() {
    EntropyReport remote = oracle.latestEntropy();
    byte[] local = new byte[Entropy.LOCAL_ENTROPY_BYTES];
    random.nextBytes(local);
    Beacon beacon = BeaconGenerator.generate(Entropy.remote(remote), Entropy.local(local), plan);
    Instant now = clock.instant();
    seen.remember(wifi ? WifiBeacons.prefix(beacon) : beacon.data(), SeenBeacons.Origin.OWN);
    // Recorded before sending: after a crash mid-send the window counts as used, never twice.
    states.update(
        s ->
            s.withBeacon(
                new BeaconSummary(
                    scheduler.windowOf(now),
                    now,
                    beacon.id(),
                    beacon.frequencyHz(),
                    beacon.dataRate().name(),
                    txPowerDbm)));
    // radio.md §2.2: when the radio reports another power (TX_ACK warn TX_POWER), report that one
    int power = air.send(beacon, txPowerDbm).orElse(txPowerDbm);
    Instant transmitted = clock.instant();
    try {
      // Queued as soon as the transmission is done, as a beaconer submits its report right after
      // its transmission: the witnesses queue theirs when the frame ends, and a beacon report that
      // reaches the oracle after the first witness leaves the witnesses 1.5 s, not 4 s (poc-rules
      // §2.5). Setting the radio back to listening (several module commands) comes after.
      byte[] report =
          Reports.beacon(key, local, remote.getData(), beacon, power, now).toByteArray();
      outbox.append(ReportKind.BEACON, report);
      sender.wake();
    } finally {
      air.listenAgain();
    }
    times.record(ReportTimes.Stage.BEACON_ON_AIR, Duration.between(now, transmitted));
    times.record(
        ReportTimes.Stage.BEACON_REPORT_QUEUED, Duration.between(transmitted, clock.instant()));
    log.info(
        "beacon {} sent on {} Hz {} at {} dBm (window {})",
        beacon.id(),
        beacon.frequencyHz(),
        beacon.dataRate(),
        power,
        scheduler.windowOf(now));
    return beacon;
  }
}
