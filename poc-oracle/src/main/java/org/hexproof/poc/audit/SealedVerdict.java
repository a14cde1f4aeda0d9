package org.hexproof.poc.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One verdict row as the worker wrote it, plus the report's signer, receive time and the signer's
 * location at verification: what a {@link Seal} signs and what the audit compares the stored rows
 * against. Decimals carry the column scale (4) and instants milliseconds, as PostgreSQL returns
 * them, so equality with a row read back is exact.
 *
 * @param reportId the report
 * @param kind {@code beacon} or {@code witness}
 * @param hotspot the report's signer
 * @param receivedAt the oracle's receive time of the report
 * @param beaconReportId for a witness verified with a beacon, that beacon
 * @param verdict {@code valid} or {@code invalid}
 * @param reason the invalid reason name
 * @param side the invalid side ({@code beaconer}, {@code witness}, {@code none})
 * @param detail the invalid detail, empty when valid
 * @param selected whether the witness earns
 * @param rewardUnit reward units
 * @param hexScale the beaconer's hex scale (beacons only)
 * @param location the reporting hotspot's asserted H3 cell when verified, as the feed shows it
 * @param verifiedAt when the verdict was written
 * @param feedId the feed entry carrying it (none for stale closures)
 * @param ruleProfile the rule profile that judged it (none for stale closures, and for verdicts
 *     sealed before profiles were recorded)
 */
public record SealedVerdict(
    String reportId,
    String kind,
    String hotspot,
    Instant receivedAt,
    Optional<String> beaconReportId,
    String verdict,
    Optional<String> reason,
    Optional<String> side,
    String detail,
    boolean selected,
    BigDecimal rewardUnit,
    Optional<BigDecimal> hexScale,
    Optional<Long> location,
    Instant verifiedAt,
    Optional<Long> feedId,
    Optional<String> ruleProfile) {

  /** Decimal places of the numeric columns. */
  public static final int SCALE = 4;

  /** Normalises decimals and instants to what the database stores. */
  public SealedVerdict {
    Objects.requireNonNull(reportId, "reportId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(hotspot, "hotspot");
    receivedAt = receivedAt.truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(beaconReportId, "beaconReportId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(detail, "detail");
    rewardUnit = rewardUnit.setScale(SCALE, RoundingMode.HALF_EVEN);
    hexScale = hexScale.map(h -> h.setScale(SCALE, RoundingMode.HALF_EVEN));
    Objects.requireNonNull(location, "location");
    verifiedAt = verifiedAt.truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(feedId, "feedId");
    Objects.requireNonNull(ruleProfile, "ruleProfile");
  }

  /** The same verdict carried by another feed entry. */
  public SealedVerdict withFeedId(long id) {
    return new SealedVerdict(
        reportId,
        kind,
        hotspot,
        receivedAt,
        beaconReportId,
        verdict,
        reason,
        side,
        detail,
        selected,
        rewardUnit,
        hexScale,
        location,
        verifiedAt,
        Optional.of(id),
        ruleProfile);
  }
}
