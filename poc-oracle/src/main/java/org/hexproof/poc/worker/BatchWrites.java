package org.hexproof.poc.worker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hexproof.poc.audit.SealedFeedEntry;
import org.hexproof.poc.audit.SealedVerdict;
import org.hexproof.poc.audit.VerdictSeals;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.verify.StateUpdate;
import org.hexproof.support.db.Sql;

/**
 * Writes verified PoCs with set-based statements, a fixed number per call whatever their count: the
 * feed lock and ids, all verdict rows, the closed flags of beacons and of witnesses, the hotspot
 * state, all feed entries, and the seal over all of it.
 */
final class BatchWrites {
  private final VerdictSeals seals;

  BatchWrites(VerdictSeals seals) {
    this.seals = seals;
  }

  /** Writes {@code pocs} inside the caller's transaction; verdicts get the time {@code now}. */
  void write(Sql.Handle tx, List<VerifiedPoc> pocs, Instant now) {
    if (pocs.isEmpty()) {
      return;
    }
    // held to commit: feed ids and seals become visible in order, so a reader never skips one
    tx.update(VerdictSeals.LOCK);
    List<Long> ids =
        tx.query(
            "SELECT nextval('poc.feed_id_seq') AS id FROM generate_series(1, $1)",
            row -> Rows.required(row, "id", Long.class),
            pocs.size());
    ids = ids.stream().sorted().toList();

    List<SealedVerdict> rows = new ArrayList<>();
    List<SealedFeedEntry> sealedFeed = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    List<String> beaconIds = new ArrayList<>();
    List<String> witnessIds = new ArrayList<>();
    for (int i = 0; i < pocs.size(); i++) {
      VerifiedPoc poc = pocs.get(i);
      long id = ids.get(i);
      poc.rows().forEach(r -> rows.add(r.withFeedId(id)));
      String entry = FeedEntries.render(id, now, poc.feedBeacon(), poc.feedWitnesses());
      entries.add(entry);
      beaconIds.add(poc.beaconId());
      witnessIds.addAll(poc.witnessIds());
      sealedFeed.add(new SealedFeedEntry(id, poc.beaconId(), VerdictSeals.entryDigest(entry)));
    }
    insertVerdicts(tx, rows, now);
    tx.update(
        "UPDATE poc.beacon_report SET closed = true WHERE report_id = ANY($1)",
        (Object) beaconIds.toArray(String[]::new));
    if (!witnessIds.isEmpty()) {
      tx.update(
          "UPDATE poc.witness_report SET closed = true WHERE report_id = ANY($1)",
          (Object) witnessIds.toArray(String[]::new));
    }
    stateUpdates(tx, pocs);
    tx.update(
        "INSERT INTO poc.feed (id, beacon_report_id, verified_at, entry)"
            + " SELECT u.id, u.beacon, $1, u.entry"
            + " FROM unnest($2::bigint[], $3::text[], $4::text[]) AS u(id, beacon, entry)",
        Rows.bind(now),
        ids.toArray(Long[]::new),
        beaconIds.toArray(String[]::new),
        entries.toArray(String[]::new));
    seals.append(tx, rows, sealedFeed, now);
  }

  private static void insertVerdicts(Sql.Handle tx, List<SealedVerdict> rows, Instant now) {
    tx.update(
        "INSERT INTO poc.verdict (report_id, kind, beacon_report_id, verdict, reason, side,"
            + " detail, selected, reward_unit, hex_scale, verified_at, feed_id, rule_profile)"
            + " SELECT u.id, u.kind, nullif(u.beacon, ''), u.verdict, nullif(u.reason, ''),"
            + " nullif(u.side, ''), u.detail, u.selected, u.unit::numeric,"
            + " nullif(u.hex, '')::numeric, $1, u.feed, nullif(u.profile, '')"
            + " FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
            + " $7::text[], $8::text[], $9::boolean[], $10::text[], $11::text[], $12::bigint[],"
            + " $13::text[])"
            + " AS u(id, kind, beacon, verdict, reason, side, detail, selected, unit, hex, feed,"
            + " profile)",
        Rows.bind(now),
        rows.stream().map(SealedVerdict::reportId).toArray(String[]::new),
        rows.stream().map(SealedVerdict::kind).toArray(String[]::new),
        rows.stream().map(r -> r.beaconReportId().orElse("")).toArray(String[]::new),
        rows.stream().map(SealedVerdict::verdict).toArray(String[]::new),
        rows.stream().map(r -> r.reason().orElse("")).toArray(String[]::new),
        rows.stream().map(r -> r.side().orElse("")).toArray(String[]::new),
        rows.stream().map(SealedVerdict::detail).toArray(String[]::new),
        rows.stream().map(SealedVerdict::selected).toArray(Boolean[]::new),
        rows.stream().map(r -> r.rewardUnit().toPlainString()).toArray(String[]::new),
        rows.stream()
            .map(r -> r.hexScale().map(java.math.BigDecimal::toPlainString).orElse(""))
            .toArray(String[]::new),
        rows.stream().map(r -> r.feedId().orElseThrow()).toArray(Long[]::new),
        rows.stream().map(r -> r.ruleProfile().orElse("")).toArray(String[]::new));
  }

  /**
   * One statement for all hotspots: per hotspot and field the latest new time, and the stored value
   * moves only forwards (GREATEST ignores NULL), so PoCs finishing out of order never move a
   * timestamp back. Keys are sorted so that concurrent workers lock rows in the same order.
   */
  private static void stateUpdates(Sql.Handle tx, List<VerifiedPoc> pocs) {
    Map<String, Instant[]> latest = new TreeMap<>();
    for (VerifiedPoc poc : pocs) {
      for (StateUpdate u : poc.result().stateUpdates()) {
        Instant[] at = latest.computeIfAbsent(u.hotspotId(), k -> new Instant[3]);
        int f = u.field().ordinal();
        at[f] = BatchVerifier.later(Optional.ofNullable(at[f]), Optional.of(u.at())).orElseThrow();
      }
    }
    if (latest.isEmpty()) {
      return;
    }
    String[] lastBeacon = new String[latest.size()];
    String[] lastWitness = new String[latest.size()];
    String[] lastReciprocity = new String[latest.size()];
    int i = 0;
    for (Instant[] at : latest.values()) {
      lastBeacon[i] = text(at[StateUpdate.Field.LAST_BEACON.ordinal()]);
      lastWitness[i] = text(at[StateUpdate.Field.LAST_WITNESS.ordinal()]);
      lastReciprocity[i] = text(at[StateUpdate.Field.LAST_BEACON_RECIPROCITY.ordinal()]);
      i++;
    }
    tx.update(
        "UPDATE poc.hotspot h SET"
            + " last_beacon_at = GREATEST(h.last_beacon_at, nullif(u.b, '')::timestamptz),"
            + " last_witness_at = GREATEST(h.last_witness_at, nullif(u.w, '')::timestamptz),"
            + " last_beacon_reciprocity_at ="
            + " GREATEST(h.last_beacon_reciprocity_at, nullif(u.r, '')::timestamptz)"
            + " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(k, b, w, r)"
            + " WHERE h.hotspot_key = u.k",
        latest.keySet().toArray(String[]::new),
        lastBeacon,
        lastWitness,
        lastReciprocity);
  }

  private static String text(Instant at) {
    return at == null ? "" : at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
  }
}
