package org.hexproof.gateway.server;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.gateway.semtech.Eui64;

/**
 * What the server knows about one packet forwarder at one moment.
 *
 * @param eui the gateway's EUI
 * @param online whether a PULL_DATA arrived within the offline timeout
 * @param downlinkAddress where PULL_RESP goes: the sender of the last PULL_DATA
 * @param lastSeen the last datagram of any type from this gateway
 * @param lastPullData the last keep-alive
 * @param pushData PUSH_DATA datagrams acknowledged
 * @param pullData PULL_DATA datagrams acknowledged
 * @param rxPackets rxpk entries received
 * @param crcFailures rxpk entries whose CRC failed ({@code stat} −1)
 * @param beaconsHeard rxpk entries recognised as beacons
 * @param downlinks PULL_RESP sent
 * @param downlinkErrors TX_ACK with an error, or no TX_ACK in time
 * @param location the position from the last {@code stat}, if it had one
 */
public record GatewayStatus(
    Eui64 eui,
    boolean online,
    Optional<InetSocketAddress> downlinkAddress,
    Instant lastSeen,
    Optional<Instant> lastPullData,
    long pushData,
    long pullData,
    long rxPackets,
    long crcFailures,
    long beaconsHeard,
    long downlinks,
    long downlinkErrors,
    Optional<GatewayLocation> location) {

  /** Validates that nothing is null. */
  public GatewayStatus {
    Objects.requireNonNull(eui, "eui");
    Objects.requireNonNull(downlinkAddress, "downlinkAddress");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(lastPullData, "lastPullData");
    Objects.requireNonNull(location, "location");
  }
}
