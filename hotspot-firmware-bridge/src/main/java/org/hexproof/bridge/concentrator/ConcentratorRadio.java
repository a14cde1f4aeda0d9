package org.hexproof.bridge.concentrator;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hexproof.bridge.radio.CommandTimeoutException;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.radio.RadioException;
import org.hexproof.bridge.radio.RadioPort;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.bridge.radio.TransmitRefusedException;
import org.hexproof.bridge.radio.TransmitResult;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.radio.LoraAirtime;
import org.hexproof.core.radio.Region;
import org.hexproof.gateway.beacon.BeaconTransmitter;
import org.hexproof.gateway.regulation.RefusalReason;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.server.DownlinkResult;
import org.hexproof.gateway.server.GatewayRegistry;
import org.hexproof.gateway.server.GatewayServer;
import org.hexproof.gateway.server.GatewayStatus;
import org.hexproof.gateway.udp.UdpTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A concentrator as the hotspot's LoRa radio: lora-gateway's packet-forwarder server on a UDP port,
 * to which the concentrator's Semtech packet forwarder connects (radio.md §1). Beacons go out as
 * {@code txpk} through {@link BeaconTransmitter}, which applies the region's EIRP, dwell-time and
 * duty-cycle rules first; a refusal is logged, counted by reason and thrown as {@link
 * TransmitRefusedException}, and nothing is sent. Received beacons ({@code rxpk} with CRC OK, 52
 * bytes, Proprietary header, radio.md §2.3) arrive as {@link ReceivedFrame}s on the UDP receive
 * thread, with the forwarder's RSSI ({@code rssis} when sent), SNR and frequency, when they were
 * received at the listen settings' datarate.
 *
 * <p>A concentrator hears every channel of its plan at once, so the listen frequency of {@link
 * #configure} does not narrow reception; its frequency and datarate are those of the next {@link
 * #transmit}. The radio only transmits beacons: {@code 0xE0} and 51 bytes.
 */
public final class ConcentratorRadio implements RadioPort {
  /** How long a beacon waits for its TX_ACK (radio.md §1.4: gateway-rs DOWNLINK_TIMEOUT 5 s). */
  public static final Duration TX_ACK_TIMEOUT = Duration.ofSeconds(5);

  /** The duty-cycle observation window: one hour (ERC Rec 70-03, radio.md §3.3). */
  public static final Duration DUTY_CYCLE_WINDOW = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(ConcentratorRadio.class);

  private final Region region;
  private final int antennaGainDdbi;
  private final Clock clock;
  private final Duration txAckTimeout;
  private final Optional<Eui64> only;
  private final GatewayRegistry registry;
  private final ScheduledExecutorService timer;
  private final GatewayServer server;
  private final UdpTransport transport;
  private final BeaconTransmitter beacons;
  private final Map<RefusalReason, AtomicLong> refusals = new EnumMap<>(RefusalReason.class);
  private final HeardBeacons heard;
  private volatile RadioSettings settings;

  /**
   * A concentrator radio; {@link #start} binds its port.
   *
   * @param where bind address, port and the accepted forwarder
   * @param region the region whose rules every beacon is checked against
   * @param antennaGainDdbi the asserted antenna gain, tenths of a dBi (sets the conducted power)
   * @param clock time for regulation and received frames
   * @param txAckTimeout how long a beacon waits for its TX_ACK ({@link #TX_ACK_TIMEOUT})
   * @param dutyCycleWindow the duty-cycle observation window ({@link #DUTY_CYCLE_WINDOW})
   */
  public ConcentratorRadio(
      ConcentratorSettings where,
      Region region,
      int antennaGainDdbi,
      Clock clock,
      Duration txAckTimeout,
      Duration dutyCycleWindow) {
    this.region = Objects.requireNonNull(region, "region");
    this.antennaGainDdbi = antennaGainDdbi;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.txAckTimeout = Objects.requireNonNull(txAckTimeout, "txAckTimeout");
    this.only = where.gatewayEui().map(Eui64::parse);
    for (RefusalReason reason : RefusalReason.values()) {
      refusals.put(reason, new AtomicLong());
    }
    registry = new GatewayRegistry(clock, GatewayRegistry.DEFAULT_OFFLINE_AFTER);
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "concentrator-txack-timer");
              t.setDaemon(true);
              return t;
            });
    heard = new HeardBeacons(only, clock);
    server = new GatewayServer(registry, this::send, heard, timer, txAckTimeout);
    transport = new UdpTransport(new InetSocketAddress(where.bindAddress(), where.port()), server);
    beacons = new BeaconTransmitter(server, clock, dutyCycleWindow);
  }

  /**
   * Binds the UDP port and starts serving packet forwarders.
   *
   * @throws LinkDownException when the port cannot be bound, naming it
   */
  public void start() {
    try {
      transport.start();
    } catch (java.io.UncheckedIOException e) {
      timer.shutdownNow();
      throw new LinkDownException(
          "concentrator: cannot listen for packet forwarders: " + e.getMessage(), e);
    }
    log.info(
        "concentrator: waiting for a packet forwarder on UDP {}{}",
        localAddress(),
        only.map(eui -> " (gateway_ID " + eui + " only)").orElse(""));
  }

  /** The bound UDP address, with the real port when 0 was asked for. */
  public InetSocketAddress localAddress() {
    return transport.localAddress();
  }

  /** The packet forwarders the server has heard, with their counters. */
  public List<GatewayStatus> forwarders() {
    return registry.all();
  }

  /** Beacons refused by the region's rules so far, by reason. */
  public Map<RefusalReason, Long> refusalCounts() {
    Map<RefusalReason, Long> counts = new EnumMap<>(RefusalReason.class);
    refusals.forEach((reason, n) -> counts.put(reason, n.get()));
    return counts;
  }

  /** Received beacons not delivered: from another forwarder, another datarate, or not listening. */
  public long framesIgnored() {
    return heard.ignored();
  }

  @Override
  public void configure(RadioSettings settings) {
    Objects.requireNonNull(settings, "settings");
    heard.listenAt(
        settings
            .dataRate()
            .toProto()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "concentrator: datarate " + settings.dataRate() + " has no wire code")));
    this.settings = settings;
  }

  /**
   * Sends the beacon frame as a {@code txpk} through the forwarder and waits for its TX_ACK.
   *
   * @throws IllegalArgumentException when {@code payload} is not a 52-byte beacon frame
   * @throws TransmitRefusedException when the region's rules forbid it (nothing was sent)
   * @throws LinkDownException when no forwarder is connected, or several and none is configured
   * @throws RadioException when the forwarder answered with a TX_ACK error
   * @throws CommandTimeoutException when no TX_ACK arrived in time
   */
  @Override
  public TransmitResult transmit(byte[] payload) {
    RadioSettings now = settings;
    if (now == null) {
      throw new IllegalStateException("concentrator: transmit before configure");
    }
    if (!Beacon.isBeaconFrame(payload) || payload[0] != Beacon.PROPRIETARY_MHDR) {
      throw new IllegalArgumentException(
          "concentrator: transmits beacons only, expected 52 bytes starting 0xE0, got "
              + (payload == null ? "null" : payload.length + " bytes"));
    }
    Beacon beacon =
        new Beacon(
            Arrays.copyOfRange(payload, 1, payload.length),
            now.frequencyHz(),
            now.dataRate().toProto().orElseThrow());
    Eui64 eui = target();
    String what = "txpk " + beacon.frequencyHz() + " Hz " + now.dataRate() + " to " + eui;
    DownlinkResult result = await(beacons.transmit(eui, beacon, region, antennaGainDdbi), what);
    if (result instanceof DownlinkResult.Sent sent) {
      return new TransmitResult(
          payload.length,
          LoraAirtime.timeOnAir(now.modulation(), payload.length).duration(),
          clock.instant(),
          sent.actualPowerDbm());
    }
    if (result instanceof DownlinkResult.Refused refused) {
      long n = refusals.get(refused.refusal().reason()).incrementAndGet();
      log.warn(
          "concentrator {}: beacon {} refused by {} rules, {}: {} ({} such refusals so far)",
          eui,
          beacon.id(),
          region.displayName(),
          refused.refusal().reason().message(),
          refused.refusal().detail(),
          n);
      throw new TransmitRefusedException(
          refused.refusal().reason().message(),
          refused.refusal().detail(),
          refused.refusal().earliestAllowed());
    }
    if (result instanceof DownlinkResult.Failed failed) {
      throw new RadioException(what, List.of("TX_ACK error " + failed.error().code()));
    }
    if (result instanceof DownlinkResult.TimedOut) {
      throw new CommandTimeoutException(what, txAckTimeout, List.of());
    }
    throw new LinkDownException(
        "concentrator: packet forwarder " + eui + " is offline (no PULL_DATA for 60 s)");
  }

  @Override
  public void startReceiving(Consumer<ReceivedFrame> listener) {
    if (settings == null) {
      throw new IllegalStateException("concentrator: startReceiving before configure");
    }
    heard.deliverTo(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void stopReceiving() {
    heard.deliverTo(null);
  }

  /** Closes the UDP socket and stops the TX_ACK timer. Never throws. */
  @Override
  public void close() {
    heard.deliverTo(null);
    transport.close();
    timer.shutdownNow();
  }

  private void send(byte[] datagram, InetSocketAddress to) {
    transport.send(datagram, to);
  }

  private Eui64 target() {
    if (only.isPresent()) {
      return only.get();
    }
    List<Eui64> online =
        registry.all().stream().filter(GatewayStatus::online).map(GatewayStatus::eui).toList();
    if (online.isEmpty()) {
      throw new LinkDownException(
          "concentrator: no packet forwarder connected to UDP "
              + localAddress()
              + " (set server_address and serv_port_up/down of its global_conf.json to it)");
    }
    if (online.size() > 1) {
      throw new LinkDownException(
          "concentrator: packet forwarders " + online + " are connected; set gateway.eui to one");
    }
    return online.get(0);
  }

  private DownlinkResult await(
      java.util.concurrent.CompletableFuture<DownlinkResult> pending, String what) {
    try {
      // the server completes it with TimedOut after txAckTimeout; the margin covers its timer
      return pending.get(txAckTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new CommandTimeoutException(what, txAckTimeout, List.of());
    } catch (ExecutionException e) {
      throw new LinkDownException("concentrator: " + what + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkDownException("concentrator: interrupted waiting for the TX_ACK of " + what);
    }
  }
}
