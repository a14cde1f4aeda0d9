package org.hexproof.bridge.emulator;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.radio.ChannelPlan;
import org.hexproof.core.radio.CodingRate;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.core.radio.LoraModulation;
import org.hexproof.core.radio.Region;
import org.hexproof.gateway.emulator.EmulatedForwarder;
import org.hexproof.gateway.semtech.Datr;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.PushPayload;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.semtech.Txpk;

/**
 * A concentrator on a {@link RadioMedium}, so that a concentrator hotspot shares the air with the
 * module emulators: lora-gateway's {@link EmulatedForwarder} (real UDP on 127.0.0.1) is the packet
 * forwarder, and one {@link AttachedRadio} per beacon channel of the region is the concentrator's
 * receiver (beacon datarate, public sync word, IQ not inverted, radio.md §4.5).
 *
 * <p>Each frame heard becomes one PUSH_DATA with an rxpk ({@code freq}, {@code chan}, {@code stat}
 * 1, {@code modu}, {@code datr}, {@code codr}, {@code rssi} and {@code rssis} = the medium's RSSI,
 * {@code lsnr}, {@code size}, {@code data}), pushed in order on its own thread. Each PULL_RESP's
 * txpk goes on the medium at once with its frequency, datarate, {@code powe}, {@code prea} and
 * {@code ipol}; the TX_ACK is the emulated forwarder's. PULL_DATA goes out on start and every 10 s
 * (lora_pkt_fwd's keepalive_interval, radio.md §1.4).
 */
public final class EmulatedConcentrator implements AutoCloseable {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration KEEPALIVE = Duration.ofSeconds(10);

  private final RadioMedium medium;
  private final EmulatedForwarder udp;
  private final List<Channel> channels;
  private final ScheduledExecutorService uplink;
  private final Thread poller;
  private volatile boolean running = true;

  private EmulatedConcentrator(
      Eui64 eui, InetSocketAddress server, Region region, RadioMedium medium) {
    this.medium = medium;
    ChannelPlan plan = region.plan();
    LoraDataRate rate =
        LoraDataRate.fromProto(plan.dataRateFor(Beacon.PAYLOAD_BYTES)).orElseThrow();
    List<Long> frequencies = plan.channelsHz();
    this.channels =
        frequencies.stream()
            .map(f -> new Channel(frequencies.indexOf(f), RadioSettings.interop(f, rate, 0)))
            .toList();
    this.udp = new EmulatedForwarder(eui, server);
    this.uplink =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "concentrator-uplink-" + eui));
    this.poller = daemon(this::pollDownlinks, "concentrator-downlink-" + eui);
  }

  /**
   * Binds the forwarder's socket, attaches to the medium, sends PULL_DATA and starts forwarding.
   *
   * @param eui the {@code gateway_ID} it announces
   * @param server the hexproof packet-forwarder server
   * @param region whose beacon channels it listens on
   * @param medium the air
   * @throws IllegalStateException when the server does not answer PULL_DATA within 1 s
   */
  public static EmulatedConcentrator start(
      Eui64 eui, InetSocketAddress server, Region region, RadioMedium medium) {
    EmulatedConcentrator c =
        new EmulatedConcentrator(
            Objects.requireNonNull(eui, "eui"),
            Objects.requireNonNull(server, "server"),
            Objects.requireNonNull(region, "region"),
            Objects.requireNonNull(medium, "medium"));
    c.channels.forEach(medium::attach);
    if (!c.udp.pullData(ACK_TIMEOUT)) {
      c.close();
      throw new IllegalStateException(
          "PULL_DATA from " + eui + ": expected a PULL_ACK from " + server + " within 1 s");
    }
    c.poller.start();
    long every = KEEPALIVE.toMillis();
    c.uplink.scheduleWithFixedDelay(
        () -> c.udp.pullData(ACK_TIMEOUT), every, every, TimeUnit.MILLISECONDS);
    return c;
  }

  /** The packet forwarder underneath: its downlinks, and how it answers them. */
  public EmulatedForwarder forwarder() {
    return udp;
  }

  private void pollDownlinks() {
    while (running) {
      Txpk txpk;
      try {
        txpk = udp.awaitDownlink(Duration.ofMillis(100));
      } catch (TimeoutException e) {
        continue;
      } catch (InterruptedException e) {
        return;
      }
      if (txpk.datr() instanceof Datr.Lora lora) {
        RadioSettings sent =
            new RadioSettings(
                txpk.frequencyHz(),
                LoraDataRate.parse(lora.text()),
                CodingRate.CR4_5,
                Math.max(-10, Math.min(30, txpk.powerDbm().orElse(14))),
                Math.max(6, txpk.preambleSymbols().orElse(LoraModulation.LORAWAN_PREAMBLE_SYMBOLS)),
                true,
                txpk.ipol());
        Channel from =
            channels.stream()
                .filter(c -> c.settings.frequencyHz() == sent.frequencyHz())
                .findFirst()
                .orElse(channels.get(0));
        medium.transmit(txpk.data().toArray(), sent, from);
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Detaches from the medium, stops forwarding and closes the socket. */
  @Override
  public void close() {
    running = false;
    channels.forEach(medium::detach);
    poller.interrupt();
    uplink.shutdownNow();
    try {
      if (poller.isAlive()) {
        poller.join(1_000);
      }
      uplink.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    udp.close();
  }

  /** The concentrator's receiver on one channel. */
  private final class Channel implements AttachedRadio {
    private final int index;
    private final RadioSettings settings;

    Channel(int index, RadioSettings settings) {
      this.index = index;
      this.settings = settings;
    }

    @Override
    public Optional<RadioSettings> listening() {
      return running ? Optional.of(settings) : Optional.empty();
    }

    @Override
    public void hear(byte[] frame, Signal signal) {
      Rxpk rxpk =
          Rxpk.receivedLora(
              Optional.empty(),
              OptionalLong.empty(),
              settings.frequencyHz(),
              index,
              settings.dataRate().name(),
              settings.codingRate().label(),
              signal.rssiDbm(),
              signal.rssiDbm(),
              signal.snrDb(),
              frame);
      uplink.execute(() -> udp.push(new PushPayload(List.of(rxpk), Optional.empty()), ACK_TIMEOUT));
    }
  }
}
