package org.hexproof.bridge.concentrator;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.proto.DataRate;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.server.UplinkListener;
import org.hexproof.gateway.server.WitnessFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the packet-forwarder server hears, as a radio port delivers it: each beacon (radio.md §2.3,
 * recognised by lora-gateway) heard by the accepted forwarder at the listen datarate becomes a
 * {@link ReceivedFrame}; beacons from another forwarder or at another datarate, and everything
 * heard while nobody listens, are counted and dropped. Runs on the UDP receive thread.
 */
final class HeardBeacons implements UplinkListener {
  private static final Logger log = LoggerFactory.getLogger(ConcentratorRadio.class);

  private final Optional<Eui64> only;
  private final Clock clock;
  private final AtomicLong ignored = new AtomicLong();
  private volatile Consumer<ReceivedFrame> listener;
  private volatile DataRate listenRate;

  HeardBeacons(Optional<Eui64> only, Clock clock) {
    this.only = Objects.requireNonNull(only, "only");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  void listenAt(DataRate rate) {
    listenRate = Objects.requireNonNull(rate, "rate");
  }

  /** Delivers to {@code listener} from now on; null stops delivering. */
  void deliverTo(Consumer<ReceivedFrame> listener) {
    this.listener = listener;
  }

  long ignored() {
    return ignored.get();
  }

  @Override
  public void onBeacon(WitnessFields witness) {
    Consumer<ReceivedFrame> current = listener;
    if (current == null
        || only.filter(eui -> !eui.equals(witness.gateway())).isPresent()
        || witness.dataRate() != listenRate) {
      ignored.incrementAndGet();
      log.debug("concentrator: not delivering {}", witness);
      return;
    }
    byte[] frame = new byte[Beacon.FRAME_BYTES];
    frame[0] = Beacon.PROPRIETARY_MHDR;
    System.arraycopy(witness.data(), 0, frame, 1, Beacon.PAYLOAD_BYTES);
    // WitnessFields carries tenths; the forwarder's rssi is whole dBm and lsnr 0.1 dB, so both
    // divisions are exact.
    current.accept(
        new ReceivedFrame(
            frame,
            witness.signalDdbm() / 10,
            witness.snrDdb() / 10.0,
            witness.frequencyHz(),
            clock.instant()));
  }

  @Override
  public void onPacket(Eui64 gateway, Rxpk packet) {
    log.debug("concentrator: {} heard a {}-byte non-beacon packet", gateway, packet.size());
  }
}
