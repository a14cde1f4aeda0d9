package org.hexproof.poc.worker;

import io.r2dbc.spi.Parameters;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.radio.Region;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.registry.HotspotRecord;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.verify.HotspotInfo;
import org.hexproof.poc.verify.InvalidReason;
import org.hexproof.poc.verify.ParticipantSide;
import org.hexproof.poc.verify.PocResult;
import org.hexproof.poc.verify.StateUpdate;
import org.hexproof.poc.verify.Verdict;
import org.hexproof.poc.verify.WitnessResult;
import org.hexproof.support.db.Sql;

/** Writes one PoC's verdict rows and state updates; maps registry rows to verifier and feed. */
final class VerdictRows {
  static final Verdict SELF_WITNESS =
      new Verdict.Invalid(
          InvalidReason.SELF_WITNESS, ParticipantSide.WITNESS, "the beaconer witnessed itself");
  static final Verdict STALE =
      new Verdict.Invalid(InvalidReason.STALE, ParticipantSide.NONE, "not verified in time");

  /**
   * The region of an unasserted hotspot is never consulted: {@code not_asserted} comes before every
   * rule that reads it. The verifier's record needs one anyway.
   */
  private static final Region UNASSERTED_PLACEHOLDER = Region.EU868;

  private final Sql.Handle tx;
  private final String beaconId;
  private final Instant now;

  VerdictRows(Sql.Handle tx, String beaconId, Instant now) {
    this.tx = tx;
    this.beaconId = beaconId;
    this.now = now;
  }

  void beacon(PocResult result) {
    insert(
        beaconId,
        "beacon",
        result.beacon(),
        false,
        result.rewardUnits().beaconer(),
        result.hexScale());
  }

  void witness(String id, Verdict verdict, boolean selected, BigDecimal unit) {
    insert(id, "witness", verdict, selected, unit, null);
  }

  void selfWitness(String id) {
    insert(id, "witness", SELF_WITNESS, false, BigDecimal.ZERO, null);
  }

  private void insert(
      String id,
      String kind,
      Verdict verdict,
      boolean selected,
      BigDecimal unit,
      BigDecimal hexScale) {
    Verdict.Invalid invalid = verdict instanceof Verdict.Invalid i ? i : null;
    tx.update(
        "INSERT INTO poc.verdict (report_id, kind, beacon_report_id, verdict, reason, side,"
            + " detail, selected, reward_unit, hex_scale, verified_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        id,
        kind,
        kind.equals("beacon") ? Parameters.in(String.class) : beaconId,
        invalid == null ? "valid" : "invalid",
        Rows.nullable(invalid == null ? null : invalid.reason().reasonName(), String.class),
        Rows.nullable(
            invalid == null ? null : invalid.side().name().toLowerCase(Locale.ROOT), String.class),
        invalid == null ? "" : invalid.detail(),
        selected,
        unit,
        Rows.nullable(hexScale, BigDecimal.class),
        Rows.bind(now));
  }

  void stateUpdates(List<StateUpdate> updates) {
    for (StateUpdate u : updates) {
      String column =
          switch (u.field()) {
            case LAST_BEACON -> "last_beacon_at";
            case LAST_WITNESS -> "last_witness_at";
            case LAST_BEACON_RECIPROCITY -> "last_beacon_reciprocity_at";
          };
      // GREATEST ignores NULL; never move a timestamp backwards when PoCs finish out of order
      tx.update(
          "UPDATE poc.hotspot SET "
              + column
              + " = GREATEST("
              + column
              + ", $2) WHERE hotspot_key = $1",
          u.hotspotId(),
          Rows.bind(u.at()));
    }
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
      ClaimedBeacon beacon, HotspotRecord beaconer, PocResult result) {
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
