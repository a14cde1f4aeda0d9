package org.hexproof.gateway.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.GwmpCodec;
import org.hexproof.gateway.semtech.GwmpPacket;
import org.hexproof.gateway.semtech.MalformedDatagramException;
import org.hexproof.gateway.semtech.PullData;
import org.hexproof.gateway.semtech.PullResp;
import org.hexproof.gateway.semtech.PushData;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.semtech.Token;
import org.hexproof.gateway.semtech.TxAck;
import org.hexproof.gateway.semtech.Txpk;
import org.hexproof.gateway.semtech.TxpkAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packet-forwarder side of GWMP (radio.md §1): PULL_DATA registers a gateway's downlink address
 * and is answered with PULL_ACK; PUSH_DATA is answered with PUSH_ACK only after its JSON parsed,
 * and its packets go to the {@link UplinkListener}; downlinks go out as PULL_RESP and end when the
 * matching TX_ACK arrives or the timeout passes. Malformed datagrams are counted by reason, logged
 * at debug and get no reply.
 */
public final class GatewayServer implements org.hexproof.gateway.udp.DatagramHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

  private final GatewayRegistry registry;
  private final DatagramSender sender;
  private final UplinkListener listener;
  private final ScheduledExecutorService timer;
  private final Duration txAckTimeout;
  private final Map<PendingKey, CompletableFuture<DownlinkResult>> pending =
      new ConcurrentHashMap<>();
  private final Map<MalformedDatagramException.Reason, AtomicLong> malformed =
      new EnumMap<>(MalformedDatagramException.Reason.class);
  private final AtomicLong unmatchedTxAcks = new AtomicLong();

  /**
   * @param registry gateway state
   * @param sender where replies and downlinks go
   * @param listener receives beacons and other packets
   * @param timer runs downlink timeouts
   * @param txAckTimeout how long a downlink waits for TX_ACK
   */
  public GatewayServer(
      GatewayRegistry registry,
      DatagramSender sender,
      UplinkListener listener,
      ScheduledExecutorService timer,
      Duration txAckTimeout) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.txAckTimeout = Objects.requireNonNull(txAckTimeout, "txAckTimeout");
    for (MalformedDatagramException.Reason reason : MalformedDatagramException.Reason.values()) {
      malformed.put(reason, new AtomicLong());
    }
  }

  @Override
  public void onDatagram(byte[] datagram, InetSocketAddress from) {
    GwmpPacket packet;
    try {
      packet = GwmpCodec.decode(datagram);
    } catch (MalformedDatagramException e) {
      malformed.get(e.reason()).incrementAndGet();
      LOG.debug("dropped {} bytes from {}: {}", datagram.length, from, e.getMessage());
      return;
    }
    if (packet instanceof PullData pull) {
      registry.onPullData(pull.eui(), from);
      sender.send(pull.ack().encode(), from);
    } else if (packet instanceof PushData push) {
      // Recorded before the ACK goes out, so a forwarder that saw its ACK finds its packets
      // counted.
      onPushData(push);
      sender.send(push.ack().encode(), from);
    } else if (packet instanceof TxAck ack) {
      onTxAck(ack);
    } else {
      malformed.get(MalformedDatagramException.Reason.UNEXPECTED_TYPE).incrementAndGet();
      LOG.debug("dropped a {} from {}: servers do not receive it", packet.type(), from);
    }
  }

  private void onPushData(PushData push) {
    Eui64 eui = push.eui();
    int crcFailures = 0;
    int beacons = 0;
    for (Rxpk rxpk : push.payload().rxpk()) {
      if (!rxpk.crcOk()) {
        crcFailures++;
        continue;
      }
      Optional<WitnessFields> beacon = Uplinks.beacon(eui, rxpk);
      if (beacon.isPresent()) {
        beacons++;
        listener.onBeacon(beacon.get());
      } else {
        listener.onPacket(eui, rxpk);
      }
    }
    Optional<GatewayLocation> location =
        push.payload()
            .stat()
            .filter(s -> s.latitudeDeg().isPresent() && s.longitudeDeg().isPresent())
            .map(
                s ->
                    new GatewayLocation(
                        s.latitudeDeg().getAsDouble(),
                        s.longitudeDeg().getAsDouble(),
                        s.altitudeM().orElse(0)));
    registry.onPushData(eui, push.payload().rxpk().size(), crcFailures, beacons, location);
  }

  private void onTxAck(TxAck ack) {
    CompletableFuture<DownlinkResult> waiting =
        pending.remove(new PendingKey(ack.eui(), ack.token()));
    if (waiting == null) {
      unmatchedTxAcks.incrementAndGet();
      LOG.debug("TX_ACK {} from {} matches no downlink in flight", ack.token(), ack.eui());
      return;
    }
    DownlinkResult result = resultOf(ack.ack());
    registry.onDownlink(ack.eui(), result instanceof DownlinkResult.Sent);
    waiting.complete(result);
  }

  static DownlinkResult resultOf(Optional<TxpkAck> ack) {
    if (ack.isEmpty()) {
      return new DownlinkResult.Sent(OptionalInt.empty());
    }
    TxpkAck body = ack.get();
    if (!body.isOk()) {
      return new DownlinkResult.Failed(body.error());
    }
    boolean powerWarning = body.warn().filter(TxpkAck.WARN_TX_POWER::equals).isPresent();
    return new DownlinkResult.Sent(powerWarning ? body.valueDbm() : OptionalInt.empty());
  }

  /**
   * Sends a packet through a gateway and completes when its TX_ACK arrives, or with {@link
   * DownlinkResult.TimedOut} after the timeout, or at once with {@link
   * DownlinkResult.GatewayOffline}.
   */
  public CompletableFuture<DownlinkResult> send(Eui64 gateway, Txpk txpk) {
    Optional<InetSocketAddress> address = registry.downlinkAddress(gateway);
    if (address.isEmpty()) {
      return CompletableFuture.completedFuture(new DownlinkResult.GatewayOffline());
    }
    CompletableFuture<DownlinkResult> result = new CompletableFuture<>();
    PendingKey key;
    do {
      int bits = ThreadLocalRandom.current().nextInt(0x1_0000);
      key = new PendingKey(gateway, Token.of((byte) (bits >> 8), (byte) bits));
    } while (pending.putIfAbsent(key, result) != null);
    PendingKey registered = key;
    timer.schedule(
        () -> {
          if (pending.remove(registered, result)) {
            registry.onDownlink(gateway, false);
            result.complete(new DownlinkResult.TimedOut());
          }
        },
        txAckTimeout.toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      sender.send(new PullResp(key.token(), txpk).encode(), address.get());
    } catch (RuntimeException e) {
      pending.remove(registered, result);
      result.completeExceptionally(e);
    }
    return result;
  }

  /** Malformed datagrams dropped so far, by reason. */
  public Map<MalformedDatagramException.Reason, Long> malformedCounts() {
    Map<MalformedDatagramException.Reason, Long> counts =
        new EnumMap<>(MalformedDatagramException.Reason.class);
    malformed.forEach((reason, count) -> counts.put(reason, count.get()));
    return counts;
  }

  /** TX_ACKs that matched no downlink in flight (late, duplicated or forged). */
  public long unmatchedTxAcks() {
    return unmatchedTxAcks.get();
  }

  /** Downlinks waiting for their TX_ACK. */
  public int downlinksInFlight() {
    return pending.size();
  }

  private record PendingKey(Eui64 eui, Token token) {}
}
