package org.hexproof.gateway.server;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.hexproof.gateway.semtech.Eui64;

/**
 * Packet forwarders by EUI, with their downlink address and counters. A gateway is online while its
 * last PULL_DATA is younger than the offline timeout (60 s, as helium/semtech-udp drops a client
 * after 60 s without PULL_DATA, radio.md §1.4); offline gateways get no downlinks until the next
 * PULL_DATA. Thread-safe.
 */
public final class GatewayRegistry {
  /** Default offline timeout. */
  public static final Duration DEFAULT_OFFLINE_AFTER = Duration.ofSeconds(60);

  private final Clock clock;
  private final Duration offlineAfter;
  private final ConcurrentMap<Eui64, Entry> gateways = new ConcurrentHashMap<>();

  /**
   * @param clock the time source for last-seen and online decisions
   * @param offlineAfter how long after the last PULL_DATA a gateway counts as offline; > 0
   */
  public GatewayRegistry(Clock clock, Duration offlineAfter) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (offlineAfter.isNegative() || offlineAfter.isZero()) {
      throw new IllegalArgumentException("offline timeout: expected > 0, got " + offlineAfter);
    }
    this.offlineAfter = offlineAfter;
  }

  /** Records a keep-alive: the sender becomes the gateway's downlink address. */
  public void onPullData(Eui64 eui, InetSocketAddress from) {
    Instant now = clock.instant();
    entry(eui, now).pullData(now, from);
  }

  /**
   * Records an acknowledged PUSH_DATA and what it carried.
   *
   * @param rxPackets rxpk entries in it
   * @param crcFailures of those, how many failed their CRC
   * @param beacons of those, how many were beacons
   * @param location the position of its {@code stat}, if any
   */
  public void onPushData(
      Eui64 eui, int rxPackets, int crcFailures, int beacons, Optional<GatewayLocation> location) {
    Instant now = clock.instant();
    entry(eui, now).pushData(now, rxPackets, crcFailures, beacons, location);
  }

  /** Records the outcome of one downlink. */
  public void onDownlink(Eui64 eui, boolean succeeded) {
    Instant now = clock.instant();
    entry(eui, now).downlink(now, succeeded);
  }

  /** Where to send a PULL_RESP, while the gateway is online. */
  public Optional<InetSocketAddress> downlinkAddress(Eui64 eui) {
    return status(eui).filter(GatewayStatus::online).flatMap(GatewayStatus::downlinkAddress);
  }

  /** The gateway's state now, if it has ever been heard. */
  public Optional<GatewayStatus> status(Eui64 eui) {
    Entry entry = gateways.get(eui);
    return entry == null ? Optional.empty() : Optional.of(entry.snapshot(clock.instant()));
  }

  /** Every gateway ever heard, by EUI. */
  public List<GatewayStatus> all() {
    Instant now = clock.instant();
    return gateways.values().stream()
        .map(e -> e.snapshot(now))
        .sorted(Comparator.comparing(s -> s.eui().toString()))
        .toList();
  }

  /** How many gateways are online now. */
  public long onlineCount() {
    Instant now = clock.instant();
    return gateways.values().stream().filter(e -> e.snapshot(now).online()).count();
  }

  private Entry entry(Eui64 eui, Instant now) {
    return gateways.computeIfAbsent(eui, key -> new Entry(key, now));
  }

  private final class Entry {
    private final Eui64 eui;
    private Instant lastSeen;
    private Instant lastPullData;
    private InetSocketAddress downlinkAddress;
    private long pushData;
    private long pullData;
    private long rxPackets;
    private long crcFailures;
    private long beaconsHeard;
    private long downlinks;
    private long downlinkErrors;
    private GatewayLocation location;

    Entry(Eui64 eui, Instant now) {
      this.eui = eui;
      this.lastSeen = now;
    }

    synchronized void pullData(Instant now, InetSocketAddress from) {
      lastSeen = now;
      lastPullData = now;
      downlinkAddress = from;
      pullData++;
    }

    synchronized void pushData(
        Instant now, int rx, int crc, int beacons, Optional<GatewayLocation> reported) {
      lastSeen = now;
      pushData++;
      rxPackets += rx;
      crcFailures += crc;
      beaconsHeard += beacons;
      reported.ifPresent(l -> location = l);
    }

    synchronized void downlink(Instant now, boolean succeeded) {
      lastSeen = now;
      downlinks++;
      if (!succeeded) {
        downlinkErrors++;
      }
    }

    synchronized GatewayStatus snapshot(Instant now) {
      boolean online = lastPullData != null && now.isBefore(lastPullData.plus(offlineAfter));
      return new GatewayStatus(
          eui,
          online,
          Optional.ofNullable(downlinkAddress),
          lastSeen,
          Optional.ofNullable(lastPullData),
          pushData,
          pullData,
          rxPackets,
          crcFailures,
          beaconsHeard,
          downlinks,
          downlinkErrors,
          Optional.ofNullable(location));
    }
  }
}
