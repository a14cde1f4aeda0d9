package org.hexproof.poc.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rules the beacon chain and the witness chain share; the caller says whose report it is checking.
 */
final class CommonRules {
  private CommonRules() {}

  /** §1.1 / §2.1: the reporting gateway is in the registry. */
  static Optional<Rejection> gatewayFound(
      Optional<HotspotInfo> hotspot, String id, ParticipantSide side) {
    return hotspot.isPresent()
        ? Rejection.PASS
        : reject(side, InvalidReason.GATEWAY_NOT_FOUND, "no hotspot " + id + " in the registry");
  }

  /** §1.2 / §2.1: the hotspot has asserted a location. */
  static Optional<Rejection> asserted(HotspotInfo hotspot, ParticipantSide side) {
    return hotspot.location().isPresent()
        ? Rejection.PASS
        : reject(side, InvalidReason.NOT_ASSERTED, hotspot.id() + " has no asserted location");
  }

  /** §1.4 / §2.2: the hotspot's key is not on the denylist. */
  static Optional<Rejection> notDenied(HotspotInfo hotspot, ParticipantSide side) {
    return hotspot.denied()
        ? reject(side, InvalidReason.DENIED, hotspot.id() + " is on the denylist")
        : Rejection.PASS;
  }

  /**
   * §1.5 / §2.4: received in [start, start + lifespan], both inclusive, comparing whole unix
   * seconds (milliseconds are dropped from both times).
   */
  static Optional<Rejection> entropyWindow(
      Instant receivedAt, Instant entropyStart, Duration lifespan, ParticipantSide side) {
    long received = receivedAt.getEpochSecond();
    long start = entropyStart.getEpochSecond();
    long end = entropyStart.plus(lifespan).getEpochSecond();
    if (received < start || received > end) {
      return reject(
          side,
          InvalidReason.ENTROPY_EXPIRED,
          "received at " + received + " s, entropy window is [" + start + ", " + end + "] s");
    }
    return Rejection.PASS;
  }

  /** §1.6 / §2.7: only full hotspots take part in PoC. */
  static Optional<Rejection> fullCapability(HotspotInfo hotspot, ParticipantSide side) {
    return hotspot.capability() == Capability.FULL
        ? Rejection.PASS
        : reject(side, InvalidReason.INVALID_CAPABILITY, hotspot.id() + " is data-only");
  }

  private static Optional<Rejection> reject(
      ParticipantSide side, InvalidReason reason, String detail) {
    return Optional.of(new Rejection(reason, side, detail));
  }
}
