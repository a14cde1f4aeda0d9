package org.hexproof.poc.worker;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.radio.Region;
import org.hexproof.poc.audit.SealedVerdict;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.registry.HotspotRecord;
import org.hexproof.poc.verify.HotspotInfo;
import org.hexproof.poc.verify.InvalidReason;
import org.hexproof.poc.verify.ParticipantSide;
import org.hexproof.poc.verify.PocResult;
import org.hexproof.poc.verify.Verdict;
import org.hexproof.poc.verify.WitnessResult;

/** Maps one PoC's results and registry rows to verdict rows, verifier input and feed records. */
final class VerdictRows {
  static final Verdict SELF_WITNESS =
      new Verdict.Invalid(
          InvalidReason.SELF_WITNESS, ParticipantSide.WITNESS, "the beaconer witnessed itself");
  static final Verdict STALE =
      new Verdict.Invalid(InvalidReason.STALE, ParticipantSide.NONE, "not verified in time");

  /** The stale verdict with the detail the purger stores. */
  static final java.util.function.Function<String, Verdict> STALE_WITH_DETAIL =
      detail -> new Verdict.Invalid(InvalidReason.STALE, ParticipantSide.NONE, detail);

  /**
   * The region of an unasserted hotspot is never consulted: {@code not_asserted} comes before every
   * rule that reads it. The verifier's record needs one anyway.
   */
  private static final Region UNASSERTED_PLACEHOLDER = Region.EU868;

  private VerdictRows() {}

  /**
   * The row of one verdict, as {@link BatchWrites} stores it and a seal signs it; no feed id yet.
   *
   * @param id the report
   * @param kind {@code beacon} or {@code witness}
   * @param hotspot the report's signer
   * @param receivedAt the report's receive time
   * @param beaconId for a witness, its beacon
   * @param verdict the verdict
   * @param selected whether it earns
   * @param unit reward units
   * @param hexScale the beaconer's scale (beacons only)
   * @param record the signer's registry record, if onboarded (for its location)
   * @param now verification time
   * @param ruleProfile the profile that judged it (none for stale closures)
   */
  static SealedVerdict row(
      String id,
      String kind,
      String hotspot,
      Instant receivedAt,
      Optional<String> beaconId,
      Verdict verdict,
      boolean selected,
      BigDecimal unit,
      Optional<BigDecimal> hexScale,
      HotspotRecord record,
      Instant now,
      Optional<String> ruleProfile) {
    Verdict.Invalid invalid = verdict instanceof Verdict.Invalid i ? i : null;
    return new SealedVerdict(
        id,
        kind,
        hotspot,
        receivedAt,
        beaconId,
        verdict.label(),
        verdict.reasonName(),
        Optional.ofNullable(invalid).map(i -> i.side().name().toLowerCase(Locale.ROOT)),
        invalid == null ? "" : invalid.detail(),
        selected,
        unit,
        hexScale,
        Optional.ofNullable(record).flatMap(HotspotRecord::location).map(H3Cell::index),
        now,
        Optional.empty(),
        ruleProfile);
  }

  static HotspotInfo info(HotspotRecord r) {
    return new HotspotInfo(
        r.hotspot(),
        r.location(),
        r.region().orElse(UNASSERTED_PLACEHOLDER),
        r.gainDdbi(),
        r.elevationMeters(),
        r.capability(),
        r.denied(),
        r.lastBeaconAt(),
        r.lastWitnessAt(),
        r.lastBeaconReciprocityAt());
  }

  static FeedEntries.Beacon feedBeacon(
      ClaimedBeacon beacon, HotspotRecord beaconer, PocResult result, String ruleProfile) {
    Optional<HotspotRecord> r = Optional.ofNullable(beaconer);
    return new FeedEntries.Beacon(
        beacon.reportId(),
        beacon.report().hotspotId(),
        r.map(HotspotRecord::owner),
        r.flatMap(HotspotRecord::location),
        r.flatMap(HotspotRecord::region),
        r.map(HotspotRecord::gainDdbi).orElse(0),
        beacon.receivedAt(),
        beacon.report().frequencyHz(),
        beacon.report().dataRate().name(),
        beacon.report().txPowerDbm(),
        result.beacon(),
        ruleProfile,
        result.hexScale(),
        result.rewardUnits().beaconer());
  }

  static FeedEntries.Witness feedWitness(
      String id,
      WitnessResult w,
      HotspotRecord beaconer,
      Map<String, HotspotRecord> records,
      BigDecimal unit) {
    Optional<HotspotRecord> r = Optional.ofNullable(records.get(w.report().hotspotId()));
    Optional<H3Cell> location = r.flatMap(HotspotRecord::location);
    Optional<H3Cell> from = Optional.ofNullable(beaconer).flatMap(HotspotRecord::location);
    OptionalLong distance =
        location.isPresent() && from.isPresent()
            ? OptionalLong.of(Math.round(from.get().distanceMeters(location.get())))
            : OptionalLong.empty();
    return new FeedEntries.Witness(
        id,
        w.report().hotspotId(),
        r.map(HotspotRecord::owner),
        location,
        w.report().receivedAt(),
        w.report().signalDdbm(),
        w.report().snrDdb(),
        w.report().frequencyHz(),
        distance,
        w.verdict(),
        w.selected(),
        unit);
  }
}
