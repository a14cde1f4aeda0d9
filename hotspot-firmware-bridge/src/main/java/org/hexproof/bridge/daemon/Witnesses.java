package org.hexproof.bridge.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.ReportKind;
import org.hexproof.bridge.outbox.Sender;
import org.hexproof.bridge.radio.AccessPoint;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.DataRate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the radio heard into signed witness reports in the outbox: every LoRa frame of 52
 * bytes with header {@code 0xE0}, and every beacon SSID a WiFi scan saw, unless it is the hotspot's
 * own beacon or a repeat (radio.md §2.3).
 */
final class Witnesses {
  private static final Logger log = LoggerFactory.getLogger(HotspotDaemon.class);

  private final Ed25519KeyPair key;
  private final Outbox outbox;
  private final Sender sender;
  private final StateKeeper states;
  private final SeenBeacons seen;
  private final Clock clock;
  private final ReportTimes times;

  Witnesses(
      Ed25519KeyPair key,
      Outbox outbox,
      Sender sender,
      StateKeeper states,
      SeenBeacons seen,
      Clock clock,
      ReportTimes times) {
    this.key = Objects.requireNonNull(key, "key");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.states = Objects.requireNonNull(states, "states");
    this.seen = Objects.requireNonNull(seen, "seen");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.times = Objects.requireNonNull(times, "times");
  }

  /** A LoRa frame received at {@code dataRate}: witnessed when it is a new beacon. */
  void onFrame(ReceivedFrame frame, DataRate dataRate) {
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
          dataRate);
      times.record(
          ReportTimes.Stage.WITNESS_REPORT_QUEUED,
          Duration.between(frame.receivedAt(), clock.instant()));
    }
  }

  /** One WiFi scan's access points; returns how many witness reports were queued. */
  int onScan(List<AccessPoint> accessPoints) {
    int witnessed = 0;
    for (AccessPoint ap : accessPoints) {
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

  private boolean isNew(byte[] data) {
    Optional<SeenBeacons.Origin> before = seen.remember(data, SeenBeacons.Origin.HEARD);
    before.ifPresent(
        origin ->
            log.info(
                "ignoring {} beacon {}",
                origin == SeenBeacons.Origin.OWN ? "own" : "repeated",
                HexFormat.of().formatHex(data, 0, 8)));
    return before.isEmpty();
  }

  private void witness(
      byte[] data, int signalDdbm, int snrDdb, long frequencyHz, DataRate dataRate) {
    byte[] report =
        Reports.witness(key, data, signalDdbm, snrDdb, frequencyHz, dataRate, clock.instant())
            .toByteArray();
    outbox.append(ReportKind.WITNESS, report);
    sender.wake();
    states.count(DaemonState::withWitness);
    log.info(
        "witnessed beacon {} on {} Hz {}: {} ddBm, snr {} ddB",
        Base64.getEncoder().encodeToString(data),
        frequencyHz,
        dataRate,
        signalDdbm,
        snrDdb);
  }
}
