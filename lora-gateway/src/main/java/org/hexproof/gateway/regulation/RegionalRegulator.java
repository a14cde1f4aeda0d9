package org.hexproof.gateway.regulation;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hexproof.core.radio.Region;

/**
 * Everything a region's rules say about one transmission, in a fixed order; the first refusal wins:
 *
 * <ol>
 *   <li>{@link RefusalReason#OUTSIDE_PLAN}: the carrier lies outside the region's band (radio.md
 *       §3.3: EU868 863–870, US915 902–928, AU915 and AS923 915–928 MHz; WiFi 2400–2483.5 MHz, ETSI
 *       EN 300 328).
 *   <li>{@link RefusalReason#EIRP_EXCEEDED}: {@code 10 · conducted dBm + gain ddBi} is above the
 *       plan's {@code max_eirp}. Helium sets power to {@code trunc((max_eirp − gain) / 10)}
 *       (radio.md §2.2 step 7), which never exceeds the limit for gains up to {@code max_eirp}; for
 *       a larger gain the truncation rounds the negative power towards zero and would exceed it, so
 *       that is refused too. The plan's single limit applies in every sub-band, including the
 *       869.4–869.65 MHz band that would allow 27 dBm ERP: conservative, never illegal.
 *   <li>{@link RefusalReason#DWELL_TIME_EXCEEDED}: {@link DwellTimePolicy}.
 *   <li>{@link RefusalReason#DUTY_CYCLE_EXCEEDED} (and {@code OUTSIDE_PLAN} between EU868
 *       sub-bands): {@link DutyCycleLedger}, last because it is the only stateful rule.
 * </ol>
 *
 * <p>WiFi and the US915 and AU915 plans have no duty-cycle bands; their ledger allows everything.
 * Thread-safe.
 */
public final class RegionalRegulator {
  private final Region region;
  private final Band band;
  private final DwellTimePolicy dwellTime;
  private final DutyCycleLedger dutyCycle;

  /** The edges of a region's band, {@code [lowHz, highHz)}. */
  private record Band(long lowHz, long highHz) {
    static Band of(Region region) {
      return switch (region) {
        case EU868 -> new Band(863_000_000L, 870_000_000L);
        case US915 -> new Band(902_000_000L, 928_000_000L);
        case AU915, AS923_1, AS923_2, AS923_3, AS923_4 -> new Band(915_000_000L, 928_000_000L);
        case WIFI_2G4 -> new Band(2_400_000_000L, 2_483_500_000L);
      };
    }
  }

  /**
   * A regulator for one gateway.
   *
   * @param region the region the gateway operates in
   * @param dutyCycleWindow the duty-cycle observation window ({@link
   *     DutyCycleLedger#ETSI_OBSERVATION_PERIOD} for the regulation's one hour)
   * @param clock source of "now" for the duty-cycle ledger
   */
  public RegionalRegulator(Region region, Duration dutyCycleWindow, Clock clock) {
    this.region = Objects.requireNonNull(region, "region");
    this.band = Band.of(region);
    this.dwellTime = new DwellTimePolicy(region);
    this.dutyCycle = new DutyCycleLedger(region, dutyCycleWindow, clock);
  }

  /** A regulator with the one-hour ETSI duty-cycle window. */
  public static RegionalRegulator etsi(Region region, Clock clock) {
    return new RegionalRegulator(region, DutyCycleLedger.ETSI_OBSERVATION_PERIOD, clock);
  }

  /** The region judged. */
  public Region region() {
    return region;
  }

  /** The duty-cycle ledger, for its window, budgets and airtime used. */
  public DutyCycleLedger dutyCycle() {
    return dutyCycle;
  }

  /**
   * Decides whether the transmission may go out and, if it may, records its airtime against its
   * duty-cycle sub-band; the caller must then transmit or accept that the airtime is spent.
   *
   * @throws IllegalArgumentException when the request starts more than one duty-cycle window away
   *     from the clock's now
   */
  public TransmitDecision decide(TransmitRequest request) {
    return stateless(request).orElseGet(() -> dutyCycle.tryAcquire(request));
  }

  /**
   * The decision {@link #decide} would give now, without recording anything.
   *
   * @throws IllegalArgumentException as for {@link #decide}
   */
  public TransmitDecision check(TransmitRequest request) {
    return stateless(request).orElseGet(() -> dutyCycle.check(request));
  }

  private Optional<TransmitDecision> stateless(TransmitRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.frequencyHz() < band.lowHz() || request.frequencyHz() >= band.highHz()) {
      return Optional.of(
          TransmitDecision.Refused.permanently(
              RefusalReason.OUTSIDE_PLAN,
              Units.mhz(request.frequencyHz())
                  + " is outside the "
                  + region.displayName()
                  + " band "
                  + Units.mhz(band.lowHz()).replace(" MHz", "")
                  + "–"
                  + Units.mhz(band.highHz())));
    }
    int maxEirpDdbm = region.plan().maxEirpDdbm();
    if (request.eirpDdbm() > maxEirpDdbm) {
      return Optional.of(
          TransmitDecision.Refused.permanently(
              RefusalReason.EIRP_EXCEEDED,
              "EIRP "
                  + Units.tenths(request.eirpDdbm())
                  + " dBm ("
                  + request.conductedPowerDbm()
                  + " dBm conducted + "
                  + Units.tenths(request.antennaGainDdbi())
                  + " dBi) exceeds the "
                  + region.displayName()
                  + " maximum of "
                  + Units.tenths(maxEirpDdbm)
                  + " dBm; at most "
                  + Math.floorDiv(maxEirpDdbm - request.antennaGainDdbi(), 10)
                  + " dBm conducted with this antenna"));
    }
    TransmitDecision dwell = dwellTime.check(request);
    return dwell.isAllowed() ? Optional.empty() : Optional.of(dwell);
  }
}
