package org.hexproof.poc.worker;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hexproof.poc.audit.SealedVerdict;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.registry.HotspotRecord;
import org.hexproof.poc.verify.HotspotInfo;
import org.hexproof.poc.verify.PocInput;
import org.hexproof.poc.verify.PocResult;
import org.hexproof.poc.verify.PocVerifier;
import org.hexproof.poc.verify.RuleProfile;
import org.hexproof.poc.verify.RuleProfiles;
import org.hexproof.poc.verify.StateUpdate;
import org.hexproof.poc.verify.UnverifiableBeaconException;
import org.hexproof.poc.verify.WitnessReport;
import org.hexproof.poc.verify.WitnessResult;

/**
 * Verifies the beacons of one batch in order, in memory. The hotspot state the rules read (last
 * beacon, last witness, last beacon reciprocity) is carried from one beacon to the next exactly as
 * the database would have it had each beacon been written before the next was read: {@link #apply}
 * takes the later of the stored and the new time, as the write does.
 */
final class BatchVerifier {
  private final RuleProfiles profiles;
  private final PocVerifier verifier;
  private final BatchReads reads;
  private final Instant now;
  private final Map<String, HotspotInfo> infos = new HashMap<>();

  BatchVerifier(RuleProfiles profiles, PocVerifier verifier, BatchReads reads, Instant now) {
    this.profiles = profiles;
    this.verifier = verifier;
    this.reads = reads;
    this.now = now;
    reads.records().values().forEach(r -> infos.put(r.hotspot(), VerdictRows.info(r)));
  }

  /**
   * Verifies one beacon against the state carried so far; call {@link #apply} once its rows are (to
   * be) written.
   *
   * @throws UnverifiableBeaconException when the beacon cannot be verified now (retried later)
   */
  VerifiedPoc verify(ClaimedBeacon beacon) {
    long started = System.nanoTime();
    List<ClaimedWitness> witnesses = reads.witnesses().getOrDefault(beacon.reportId(), List.of());
    String beaconer = beacon.report().hotspotId();
    Map<String, HotspotInfo> involved = new HashMap<>();
    Optional.ofNullable(infos.get(beaconer)).ifPresent(i -> involved.put(beaconer, i));
    for (ClaimedWitness w : witnesses) {
      HotspotInfo info = infos.get(w.report().hotspotId());
      if (info != null) {
        involved.put(info.id(), info);
      }
    }
    // a WiFi beaconer's PoC is judged by the WiFi profile (RuleProfiles); its verdicts name it
    RuleProfile profile = profiles.forBeaconer(Optional.ofNullable(infos.get(beaconer)));
    Optional<String> judgedBy = Optional.of(profile.name());
    PocResult result =
        verifier.verify(
            profile,
            new PocInput(
                beacon.entropy(),
                beacon.report(),
                witnesses.stream().map(ClaimedWitness::report).toList(),
                involved,
                reads.edgesOf(beaconer)));

    Map<String, HotspotRecord> records = reads.records();
    HotspotRecord beaconerRecord = records.get(beaconer);
    Map<WitnessReport, ClaimedWitness> byReport = new IdentityHashMap<>();
    witnesses.forEach(w -> byReport.put(w.report(), w));
    List<SealedVerdict> rows = new ArrayList<>();
    rows.add(
        VerdictRows.row(
            beacon.reportId(),
            "beacon",
            beaconer,
            beacon.receivedAt(),
            Optional.empty(),
            result.beacon(),
            false,
            result.rewardUnits().beaconer(),
            Optional.of(result.hexScale()),
            beaconerRecord,
            now,
            judgedBy));
    List<FeedEntries.Witness> feedWitnesses = new ArrayList<>();
    for (WitnessResult w : result.witnesses()) {
      ClaimedWitness claimed = byReport.remove(w.report());
      BigDecimal unit = w.selected() ? result.rewardUnits().perWitness() : BigDecimal.ZERO;
      rows.add(witnessRow(beacon, claimed, w.verdict(), w.selected(), unit, records, judgedBy));
      feedWitnesses.add(
          VerdictRows.feedWitness(claimed.reportId(), w, beaconerRecord, records, unit));
    }
    // self-witnesses of a valid PoC are dropped from the result and every output; they still get
    // their verdict so that each report has exactly one
    for (ClaimedWitness self : witnesses) {
      if (byReport.containsKey(self.report())) {
        rows.add(
            witnessRow(
                beacon, self, VerdictRows.SELF_WITNESS, false, BigDecimal.ZERO, records, judgedBy));
      }
    }
    return new VerifiedPoc(
        beacon,
        witnesses.stream().map(ClaimedWitness::reportId).toList(),
        result,
        rows,
        VerdictRows.feedBeacon(beacon, beaconerRecord, result, profile.name()),
        feedWitnesses,
        byReport.size(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private SealedVerdict witnessRow(
      ClaimedBeacon beacon,
      ClaimedWitness w,
      org.hexproof.poc.verify.Verdict verdict,
      boolean selected,
      BigDecimal unit,
      Map<String, HotspotRecord> records,
      Optional<String> judgedBy) {
    return VerdictRows.row(
        w.reportId(),
        "witness",
        w.report().hotspotId(),
        w.report().receivedAt(),
        Optional.of(beacon.reportId()),
        verdict,
        selected,
        unit,
        Optional.empty(),
        records.get(w.report().hotspotId()),
        now,
        judgedBy);
  }

  /** Carries a written PoC's state updates to the beacons after it. */
  void apply(VerifiedPoc poc) {
    for (StateUpdate u : poc.result().stateUpdates()) {
      HotspotInfo i = infos.get(u.hotspotId());
      if (i == null) {
        continue;
      }
      Optional<Instant> at = Optional.of(u.at());
      infos.put(
          i.id(),
          new HotspotInfo(
              i.id(),
              i.location(),
              i.region(),
              i.gainDdbi(),
              i.elevationMeters(),
              i.capability(),
              i.denied(),
              u.field() == StateUpdate.Field.LAST_BEACON
                  ? later(i.lastBeaconAt(), at)
                  : i.lastBeaconAt(),
              u.field() == StateUpdate.Field.LAST_WITNESS
                  ? later(i.lastWitnessAt(), at)
                  : i.lastWitnessAt(),
              u.field() == StateUpdate.Field.LAST_BEACON_RECIPROCITY
                  ? later(i.lastBeaconReciprocityAt(), at)
                  : i.lastBeaconReciprocityAt()));
    }
  }

  /** GREATEST in SQL: the later value, ignoring an absent one. */
  static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isAfter(b.get()) ? a : b;
  }
}
