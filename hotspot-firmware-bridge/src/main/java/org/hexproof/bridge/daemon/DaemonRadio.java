package org.hexproof.bridge.daemon;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import org.hexproof.bridge.concentrator.ConcentratorRadio;
import org.hexproof.bridge.radio.AccessPoint;
import org.hexproof.bridge.radio.RadioPort;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.WifiPort;
import org.hexproof.bridge.serial.LineChannelOpener;
import org.hexproof.bridge.tasks.SerialExecutor;
import org.hexproof.bridge.tasks.Workers;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.radio.ChannelPlan;
import org.hexproof.core.radio.LoraDataRate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's radio, whichever kind: a LoRa radio (serial module or concentrator) listening on the
 * beacon datarate and handing what it hears to {@link Witnesses}, or a WiFi module scanning
 * periodically; either puts beacons on the air ({@link Beacons.Air}).
 */
final class DaemonRadio implements Beacons.Air {
  private static final Logger log = LoggerFactory.getLogger(HotspotDaemon.class);
  private static final String IDLE_SSID = "hexproof-idle";

  private final HotspotConfig config;
  private final StateKeeper states;
  private RadioPort lora;
  private RadioSettings listenSettings;
  private WifiPort wifi;
  private SerialExecutor wifiTimer;

  private DaemonRadio(HotspotConfig config, StateKeeper states) {
    this.config = Objects.requireNonNull(config, "config");
    this.states = Objects.requireNonNull(states, "states");
  }

  /**
   * Opens the configured radio and starts receiving; everything started is pushed on {@code
   * running} to be closed in reverse order.
   *
   * @param radioLink the serial link of a LoRa module instead of {@code radio.device}; null: the
   *     device
   * @param worker where heard frames are handed over to {@code witnesses}
   * @param workers where the driver's serial line and the WiFi scans run
   */
  static DaemonRadio open(
      HotspotConfig config,
      HotspotDaemon.Options options,
      Clock clock,
      LineChannelOpener radioLink,
      StateKeeper states,
      Witnesses witnesses,
      Executor worker,
      Workers workers,
      Deque<AutoCloseable> running) {
    DaemonRadio radio = new DaemonRadio(config, states);
    if (config.radioType().isWifi()) {
      radio.wifi = Radios.openWifi(config, options, clock, workers);
      running.push(radio.wifi);
      radio.wifiTimer = workers.serial("hotspot-wifi");
      running.push(() -> HotspotDaemon.stop(radio.wifiTimer));
      Duration every = config.wifiScanInterval();
      radio.wifiTimer.scheduleWithFixedDelay(() -> radio.scheduledScan(witnesses), every, every);
    } else {
      radio.lora =
          radioLink == null
              ? Radios.openLora(config, options, clock, workers)
              : Radios.openLora(config, options, clock, radioLink, workers);
      running.push(radio.lora);
      radio.listen(witnesses, worker);
    }
    return radio;
  }

  private void listen(Witnesses witnesses, Executor worker) {
    ChannelPlan plan = config.region().plan();
    LoraDataRate dataRate =
        LoraDataRate.fromProto(plan.dataRateFor(Beacon.PAYLOAD_BYTES)).orElseThrow();
    listenSettings =
        RadioSettings.interop(
            plan.channelsHz().get(config.listenChannel()), dataRate, Beacons.txPowerDbm(config));
    lora.configure(listenSettings);
    DataRate heardAt = dataRate.toProto().orElseThrow();
    lora.startReceiving(frame -> worker.execute(() -> witnesses.onFrame(frame, heardAt)));
    if (lora instanceof ConcentratorRadio) {
      log.info(
          "hotspot: listening on every {} channel at {}", config.region().displayName(), dataRate);
    } else {
      log.info("hotspot: listening on {} Hz {}", listenSettings.frequencyHz(), dataRate);
    }
  }

  /** A concentrator's bound UDP address; empty for serial radios. */
  Optional<InetSocketAddress> forwarderAddress() {
    return lora instanceof ConcentratorRadio concentrator
        ? Optional.of(concentrator.localAddress())
        : Optional.empty();
  }

  /** One WiFi scan. */
  List<AccessPoint> scan() {
    if (wifi == null) {
      throw new IllegalStateException("scanNow: not a WiFi hotspot, or not started");
    }
    return wifi.scan();
  }

  @Override
  public OptionalInt send(Beacon beacon, int txPowerDbm) {
    return wifi != null ? sendWifi(beacon) : sendLora(beacon, txPowerDbm);
  }

  @Override
  public void listenAgain() {
    if (lora != null) {
      lora.configure(listenSettings);
    }
  }

  private OptionalInt sendLora(Beacon beacon, int power) {
    LoraDataRate dataRate = LoraDataRate.fromProto(beacon.dataRate()).orElseThrow();
    try {
      lora.configure(RadioSettings.interop(beacon.frequencyHz(), dataRate, power));
      return lora.transmit(beacon.frame()).actualPowerDbm();
    } catch (RuntimeException e) {
      try {
        lora.configure(listenSettings);
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
  }

  private OptionalInt sendWifi(Beacon beacon) {
    int channel = WifiBeacons.channelOf(beacon.frequencyHz());
    wifi.startSoftAp(WifiBeacons.ssid(beacon), channel);
    wifiTimer.schedule(
        () -> {
          try {
            wifi.startSoftAp(IDLE_SSID, channel);
          } catch (RuntimeException e) {
            states.recordError("wifi: withdrawing beacon SSID: " + e.getMessage());
          }
        },
        config.wifiBeaconDuration());
    return OptionalInt.empty();
  }

  private void scheduledScan(Witnesses witnesses) {
    try {
      witnesses.onScan(scan());
    } catch (RuntimeException e) {
      states.recordError("wifi scan failed: " + e.getMessage());
    }
  }
}
