package org.hexproof.fieldtests.forwarder;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.bridge.emulator.Signal;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.radio.ChannelPlan;
import org.hexproof.core.radio.LoraDataRate;
import org.hexproof.fieldtests.rf.MultiChannelRadio;
import org.hexproof.fieldtests.rf.SimulatedMedium;
import org.hexproof.gateway.emulator.EmulatedForwarder;
import org.hexproof.gateway.semtech.PushPayload;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.semtech.Txpk;

/**
 * A concentrator gateway on the {@link SimulatedMedium}, speaking Semtech UDP to a real hexproof
 * gateway server through an {@link EmulatedForwarder}.
 *
 * <p>Receive: it listens on its region's eight channels at the beacon datarate, public sync word,
 * IQ not inverted, as a concentrator does; each frame the medium delivers becomes one PUSH_DATA
 * with an rxpk ({@code freq}, {@code chan}, {@code datr}, {@code codr}, {@code rssi} = channel
 * power, {@code rssis} = signal power, {@code lsnr}, {@code size}, {@code data}, {@code stat} 1,
 * {@code tmst} from its µs counter). Pushes run on their own thread, in order.
 *
 * <p>Transmit: a poller takes each PULL_RESP's txpk from {@link EmulatedForwarder#awaitDownlink}
 * and puts it on the medium with its frequency, datarate, coding rate, {@code powe} (default: the
 * plan's conducted power for this antenna), {@code prea} (default 8) and {@code ipol}. {@code imme}
 * goes out at once; {@code tmst} when the counter reaches it (within 10 s, else dropped as too
 * late); FSK, GPS-timed ({@code tmms}) and unparseable txpks are dropped and counted. The TX_ACK is
 * the emulated forwarder's ({@link EmulatedForwarder#answerDownlinksWith}).
 *
 * <p>PULL_DATA goes out on start and every 10 s (lora_pkt_fwd's default keepalive_interval).
 */
public final class SimulatedForwarder implements MultiChannelRadio, AutoCloseable {
  /** How long a PUSH_DATA or PULL_DATA waits for its ACK. */
  public static final Duration ACK_TIMEOUT = Duration.ofSeconds(1);

  /** PULL_DATA period, lora_pkt_fwd's default {@code keepalive_interval}. */
  public static final Duration KEEPALIVE = Duration.ofSeconds(10);

  /** A {@code tmst} further ahead than this counts as already passed (the counter wrapped). */
  static final long MAX_SCHEDULE_AHEAD_US = 10_000_000L;

  private static final long U32 = 0xFFFF_FFFFL;
  private static final DateTimeFormatter RXPK_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final ForwarderSite site;
  private final SimulatedMedium medium;
  private final EmulatedForwarder udp;
  private final Clock clock;
  private final Instant counterEpoch;
  private final List<RadioSettings> channels;
  private final ScheduledExecutorService uplink;
  private final ScheduledExecutorService transmitter;
  private final Thread poller;
  private final List<Rxpk> pushed = new CopyOnWriteArrayList<>();
  private final AtomicLong unackedPushes = new AtomicLong();
  private final AtomicLong downlinksSent = new AtomicLong();
  private final AtomicLong downlinksDropped = new AtomicLong();
  private volatile boolean running = true;

  private SimulatedForwarder(ForwarderSite site, InetSocketAddress server, SimulatedMedium medium) {
    this.site = site;
    this.medium = medium;
    this.clock = medium.clock();
    this.counterEpoch = clock.instant();
    ChannelPlan plan = site.region().plan();
    LoraDataRate beaconRate =
        LoraDataRate.fromProto(plan.dataRateFor(Beacon.PAYLOAD_BYTES)).orElseThrow();
    this.channels =
        plan.channelsHz().stream().map(f -> RadioSettings.interop(f, beaconRate, 0)).toList();
    this.udp = new EmulatedForwarder(site.eui(), server);
    String name = "simulated-forwarder-" + site.eui();
    this.uplink = Executors.newSingleThreadScheduledExecutor(daemon(name + "-uplink"));
    this.transmitter = Executors.newSingleThreadScheduledExecutor(daemon(name + "-tx"));
    this.poller = daemon(name + "-poll").newThread(this::pollDownlinks);
  }

  /**
   * Binds a UDP socket on 127.0.0.1, attaches to the medium at the site, sends PULL_DATA and starts
   * polling for downlinks.
   *
   * @param site who and where
   * @param server the hexproof gateway server's UDP address
   * @param medium the air; its clock drives the {@code tmst} counter
   * @throws IllegalStateException if the server does not answer PULL_DATA within {@link
   *     #ACK_TIMEOUT} (everything is closed again)
   */
  public static SimulatedForwarder start(
      ForwarderSite site, InetSocketAddress server, SimulatedMedium medium) {
    SimulatedForwarder forwarder =
        new SimulatedForwarder(
            Objects.requireNonNull(site, "site"),
            Objects.requireNonNull(server, "server"),
            Objects.requireNonNull(medium, "medium"));
    medium.attach(forwarder, site.radioSite());
    if (!forwarder.udp.pullData(ACK_TIMEOUT)) {
      forwarder.close();
      throw new IllegalStateException(
          "PULL_DATA from " + site.eui() + ": expected a PULL_ACK from " + server + " within 1 s");
    }
    forwarder.poller.start();
    forwarder.uplink.scheduleWithFixedDelay(
        forwarder::keepAlive, KEEPALIVE.toMillis(), KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS);
    return forwarder;
  }

  /** Who and where this forwarder is. */
  public ForwarderSite site() {
    return site;
  }

  /** The emulated forwarder underneath, e.g. to change how it answers downlinks. */
  public EmulatedForwarder udp() {
    return udp;
  }

  @Override
  public List<RadioSettings> listeningOn() {
    return running ? channels : List.of();
  }

  @Override
  public void hear(byte[] frame, RadioSettings sentWith, Signal signal) {
    if (!running) {
      return;
    }
    Rxpk rxpk = rxpk(frame, sentWith, signal);
    uplink.execute(
        () -> {
          pushed.add(rxpk);
          if (!udp.push(new PushPayload(List.of(rxpk), Optional.empty()), ACK_TIMEOUT)) {
            unackedPushes.incrementAndGet();
          }
        });
  }

  /** Every rxpk pushed so far, in order. */
  public List<Rxpk> pushed() {
    return List.copyOf(pushed);
  }

  /** PUSH_DATAs whose PUSH_ACK never came. */
  public long unackedPushes() {
    return unackedPushes.get();
  }

  /** Downlinks put on the air. */
  public long downlinksSent() {
    return downlinksSent.get();
  }

  /** Downlinks dropped: FSK, GPS-timed, too late or unparseable. */
  public long downlinksDropped() {
    return downlinksDropped.get();
  }

  /** The concentrator's µs counter ({@code tmst}): microseconds since start, modulo 2³². */
  public long counterUs() {
    return ChronoUnit.MICROS.between(counterEpoch, clock.instant()) & U32;
  }

  Rxpk rxpk(byte[] frame, RadioSettings sentWith, Signal signal) {
    int chan = 0;
    for (int i = 0; i < channels.size(); i++) {
      if (sentWith.hears(channels.get(i))) {
        chan = i;
      }
    }
    // Channel RSSI is signal plus noise in the channel: N = P − SNR.
    double channelDbm =
        signal.rssiDbm() + 10.0 * Math.log10(1.0 + Math.pow(10.0, -signal.snrDb() / 10.0));
    return Rxpk.receivedLora(
        Optional.of(RXPK_TIME.format(clock.instant())),
        OptionalLong.of(counterUs()),
        sentWith.frequencyHz(),
        chan,
        sentWith.dataRate().name(),
        sentWith.codingRate().label(),
        (int) Math.round(channelDbm),
        signal.rssiDbm(),
        signal.snrDb(),
        frame);
  }

  private void pollDownlinks() {
    while (running) {
      Txpk txpk;
      try {
        txpk = udp.awaitDownlink(Duration.ofMillis(100));
      } catch (TimeoutException e) {
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      onDownlink(txpk);
    }
  }

  private void onDownlink(Txpk txpk) {
    Optional<RadioSettings> settings = TxpkSettings.of(txpk, site);
    if (settings.isEmpty()) {
      downlinksDropped.incrementAndGet();
      return;
    }
    byte[] frame = txpk.data().toArray();
    if (txpk.imme()) {
      transmit(frame, settings.get());
    } else if (txpk.tmstUs().isPresent()) {
      long aheadUs = (txpk.tmstUs().getAsLong() - counterUs()) & U32;
      if (aheadUs > MAX_SCHEDULE_AHEAD_US) {
        downlinksDropped.incrementAndGet();
        return;
      }
      transmitter.schedule(() -> transmit(frame, settings.get()), aheadUs, TimeUnit.MICROSECONDS);
    } else {
      downlinksDropped.incrementAndGet(); // tmms needs GPS time, which this forwarder has not
    }
  }

  private void transmit(byte[] frame, RadioSettings settings) {
    if (running) {
      medium.transmit(frame, settings, this);
      downlinksSent.incrementAndGet();
    }
  }

  private void keepAlive() {
    udp.pullData(ACK_TIMEOUT);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Detaches from the medium, stops the threads and closes the socket. */
  @Override
  public void close() {
    running = false;
    medium.detach(this);
    poller.interrupt();
    uplink.shutdownNow();
    transmitter.shutdownNow();
    try {
      if (poller.isAlive()) {
        poller.join(1_000);
      }
      uplink.awaitTermination(1, TimeUnit.SECONDS);
      transmitter.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    udp.close();
  }
}
