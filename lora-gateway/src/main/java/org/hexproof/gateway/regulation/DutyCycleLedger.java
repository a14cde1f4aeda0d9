package org.hexproof.gateway.regulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.radio.DutyCycleBand;
import org.hexproof.core.radio.Region;

/**
 * The airtime one gateway has spent in each duty-cycle sub-band of its region, over a sliding
 * window.
 *
 * <p><b>Policy: sliding-window sum.</b> A transmission is allowed when, in every window of length
 * {@code W} that it overlaps, the airtime already charged plus its own stays within {@code W ×
 * basisPoints / 10000} (1 % of one hour = 36 000 ms). This is the regulation's own definition: CEPT
 * ERC Recommendation 70-03 defines duty cycle as {@code Σ Ton / Tobs} measured in the band, with
 * {@code Tobs} "a continuous one hour period" unless an annex says otherwise, and ETSI EN 300 220
 * tests against it. "Continuous" means any hour, not clock hours, hence a sliding window; {@link
 * #ETSI_OBSERVATION_PERIOD} is the default and other windows can be configured. The alternative
 * per-transmission off-time ({@code toa × (1/dc − 1)}, about 244 s after each 2.47 s SF12 beacon at
 * 1 %, as Basic Station and older LoRaMac-node apply it) is stricter than the rule and refuses
 * legal traffic such as a downlink shortly after a beacon; a gateway beaconing once per six hours
 * is nowhere near either limit, so the rule itself is the better gate. Airtime is charged whole to
 * every window a transmission overlaps (see {@link BandAirtime}), so the admitted traffic never
 * exceeds the limit in any window.
 *
 * <p>Regions without duty-cycle bands (US915, AU915, WiFi) allow everything here. In a region with
 * bands, a frequency in none of them is refused as {@link RefusalReason#OUTSIDE_PLAN}: between
 * EU868's sub-bands there is no duty-cycle allowance to transmit under.
 *
 * <p>Requests must start within one window of the clock's now, {@code [now − W, now + W]}. Entries
 * that ended two windows before now are forgotten, so memory per band holds at most about three
 * windows' budget of transmissions. Thread-safe: each band has its own lock and {@link #tryAcquire}
 * checks and records under it.
 */
public final class DutyCycleLedger {
  /** ERC Recommendation 70-03 default observation period {@code Tobs}: one hour. */
  public static final Duration ETSI_OBSERVATION_PERIOD = Duration.ofHours(1);

  private static final Duration LONGEST_WINDOW = Duration.ofDays(1);

  private final Region region;
  private final Duration window;
  private final Clock clock;
  private final Map<DutyCycleBand, BandAirtime> bands;

  /**
   * A ledger for one gateway.
   *
   * @param region the region whose sub-bands are accounted
   * @param window the sliding observation window, (0, 24 h]
   * @param clock source of "now" for expiry and the accepted start range
   * @throws IllegalArgumentException when the window is out of range
   */
  public DutyCycleLedger(Region region, Duration window, Clock clock) {
    this.region = Objects.requireNonNull(region, "region");
    this.window = Objects.requireNonNull(window, "window");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (window.isNegative() || window.isZero() || window.compareTo(LONGEST_WINDOW) > 0) {
      throw new IllegalArgumentException("duty-cycle window: expected (0, 24h], got " + window);
    }
    Map<DutyCycleBand, BandAirtime> byBand = new LinkedHashMap<>();
    for (DutyCycleBand band : region.plan().dutyCycleBands()) {
      byBand.put(band, new BandAirtime(window, budgetOf(band, window)));
    }
    this.bands = Map.copyOf(byBand);
  }

  /** A ledger with the one-hour ETSI observation window. */
  public static DutyCycleLedger etsi(Region region, Clock clock) {
    return new DutyCycleLedger(region, ETSI_OBSERVATION_PERIOD, clock);
  }

  /** The sliding window length. */
  public Duration window() {
    return window;
  }

  /** Airtime a band allows per window: {@code window × basisPoints / 10000}, rounded down. */
  public Duration budget(DutyCycleBand band) {
    return budgetOf(band, window);
  }

  /**
   * Whether the transmission would fit now, without recording it.
   *
   * @throws IllegalArgumentException when the request starts outside {@code [now − W, now + W]}
   */
  public TransmitDecision check(TransmitRequest request) {
    return decide(request, false);
  }

  /**
   * Checks the transmission and, if allowed, records its airtime, as one atomic step.
   *
   * @throws IllegalArgumentException when the request starts outside {@code [now − W, now + W]}
   */
  public TransmitDecision tryAcquire(TransmitRequest request) {
    return decide(request, true);
  }

  /**
   * Airtime charged to the window {@code [windowStart, windowStart + W)} in a band: the whole
   * airtime of each recorded transmission overlapping it. Exact for windows starting no earlier
   * than {@code now − W}; older ones may have been forgotten. Zero for a band not in the region.
   */
  public Duration airtimeUsed(DutyCycleBand band, Instant windowStart) {
    BandAirtime airtime = bands.get(band);
    return airtime == null ? Duration.ZERO : airtime.chargedTo(windowStart);
  }

  /** Recorded transmissions still kept, over all bands; for tests of the memory bound. */
  int retainedEntries() {
    return bands.values().stream().mapToInt(BandAirtime::size).sum();
  }

  private TransmitDecision decide(TransmitRequest request, boolean record) {
    Objects.requireNonNull(request, "request");
    if (bands.isEmpty()) {
      return TransmitDecision.allowed();
    }
    Instant now = clock.instant();
    Instant start = request.start();
    if (start.isBefore(now.minus(window)) || start.isAfter(now.plus(window))) {
      throw new IllegalArgumentException(
          "transmit start: expected within one window ("
              + window
              + ") of now "
              + now
              + ", got "
              + start);
    }
    Optional<DutyCycleBand> found = region.plan().dutyCycleBandOf(request.frequencyHz());
    if (found.isEmpty()) {
      return TransmitDecision.Refused.permanently(
          RefusalReason.OUTSIDE_PLAN,
          Units.mhz(request.frequencyHz())
              + " lies in no duty-cycle sub-band of "
              + region.displayName());
    }
    DutyCycleBand band = found.get();
    BandAirtime airtime = bands.get(band);
    airtime.forgetEndedBy(now.minus(window).minus(window));
    Optional<BandAirtime.Shortfall> shortfall = airtime.admit(start, request.end(), record);
    if (shortfall.isEmpty()) {
      return TransmitDecision.allowed();
    }
    BandAirtime.Shortfall why = shortfall.get();
    return new TransmitDecision.Refused(
        RefusalReason.DUTY_CYCLE_EXCEEDED, detail(request, band, why), why.earliestFit());
  }

  private String detail(TransmitRequest request, DutyCycleBand band, BandAirtime.Shortfall why) {
    String limit =
        "sub-band "
            + Units.mhz(band.lowHz()).replace(" MHz", "")
            + "–"
            + Units.mhz(band.highHz())
            + " of "
            + region.displayName()
            + " allows "
            + Units.percent(band.basisPoints())
            + " = "
            + Units.ms(budget(band))
            + " per "
            + Units.seconds(window)
            + " window; ";
    String used =
        Units.ms(why.used())
            + " already used in the window after "
            + why.windowStart()
            + ", this transmission on "
            + Units.mhz(request.frequencyHz())
            + " needs "
            + Units.ms(request.timeOnAir())
            + "; ";
    String frees =
        why.earliestFit()
            .map(at -> "frees up at " + at)
            .orElse("never fits: its airtime exceeds the whole window's budget");
    return limit + used + frees;
  }

  private static Duration budgetOf(DutyCycleBand band, Duration window) {
    return Duration.ofNanos(window.toNanos() * band.basisPoints() / 10_000L);
  }
}
