package org.hexproof.gateway.regulation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.radio.Region;

/**
 * Refuses a single transmission longer than the region's dwell time: 400 ms in US915 (FCC 47 CFR
 * 15.247(a)(1)(i), frequency hopping below 250 kHz), AU915 and AS923 (LoRaWAN RP002 uplink dwell
 * time, on by default); none in EU868 or for WiFi (radio.md §3.3). A transmission exactly as long
 * as the limit passes.
 *
 * <p>Only the single-transmission limit is enforced. The FCC rule also bounds the total occupancy
 * of one channel to 400 ms in any 20 s; a Helium gateway beacons once per six hours and LoRaWAN
 * itself enforces dwell time only through per-packet datarate and payload limits, so that total is
 * left out. Stateless and thread-safe.
 */
public final class DwellTimePolicy {
  private final Region region;
  private final Optional<Duration> limit;

  /** The policy of a region's channel plan. */
  public DwellTimePolicy(Region region) {
    this.region = Objects.requireNonNull(region, "region");
    this.limit = region.plan().dwellTime();
  }

  /** The longest single transmission allowed; empty when the region sets none. */
  public Optional<Duration> limit() {
    return limit;
  }

  /** Allowed when the region has no dwell time or the airtime is within it. */
  public TransmitDecision check(TransmitRequest request) {
    Objects.requireNonNull(request, "request");
    if (limit.isEmpty() || request.timeOnAir().compareTo(limit.get()) <= 0) {
      return TransmitDecision.allowed();
    }
    return TransmitDecision.Refused.permanently(
        RefusalReason.DWELL_TIME_EXCEEDED,
        "time on air "
            + Units.ms(request.timeOnAir())
            + " on "
            + Units.mhz(request.frequencyHz())
            + " exceeds the "
            + Units.ms(limit.get())
            + " dwell time of "
            + region.displayName()
            + "; use a faster datarate or a shorter payload");
  }
}
