package org.hexproof.gateway.app;

import io.micronaut.serde.annotation.Serdeable;
import org.hexproof.gateway.server.GatewayStatus;

/**
 * One gateway as the HTTP API shows it.
 *
 * @param eui the EUI in 16 upper-case hex digits
 * @param online whether a PULL_DATA arrived within the offline timeout
 * @param downlinkAddress host:port of the last PULL_DATA, or null when none arrived yet
 * @param lastSeen ISO-8601 time of the last datagram
 * @param lastPullData ISO-8601 time of the last keep-alive, or null
 * @param pushData PUSH_DATA acknowledged
 * @param pullData PULL_DATA acknowledged
 * @param rxPackets rxpk entries received
 * @param crcFailures rxpk entries with a failed CRC
 * @param beaconsHeard rxpk entries that were beacons
 * @param downlinks PULL_RESP sent
 * @param downlinkErrors downlinks that failed or timed out
 * @param latitude from the last stat, or null
 * @param longitude from the last stat, or null
 * @param altitudeMeters from the last stat, or null
 */
@Serdeable
public record GatewayView(
    String eui,
    boolean online,
    String downlinkAddress,
    String lastSeen,
    String lastPullData,
    long pushData,
    long pullData,
    long rxPackets,
    long crcFailures,
    long beaconsHeard,
    long downlinks,
    long downlinkErrors,
    Double latitude,
    Double longitude,
    Integer altitudeMeters) {

  static GatewayView of(GatewayStatus s) {
    return new GatewayView(
        s.eui().toString(),
        s.online(),
        s.downlinkAddress().map(a -> a.getHostString() + ":" + a.getPort()).orElse(null),
        s.lastSeen().toString(),
        s.lastPullData().map(Object::toString).orElse(null),
        s.pushData(),
        s.pullData(),
        s.rxPackets(),
        s.crcFailures(),
        s.beaconsHeard(),
        s.downlinks(),
        s.downlinkErrors(),
        s.location().map(l -> l.latDegrees()).orElse(null),
        s.location().map(l -> l.lngDegrees()).orElse(null),
        s.location().map(l -> l.altitudeMeters()).orElse(null));
  }
}
