package org.hexproof.poc.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hexproof.poc.audit.SealCodec;
import org.hexproof.poc.audit.SealedFeedEntry;
import org.hexproof.poc.audit.SealedVerdict;
import org.hexproof.poc.audit.VerdictSeals;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Turns the verified data of a test into what an oracle stored before feed entries named their rule
 * profile: the entries lose {@code rule_profile} (the older renderer wrote the same text without
 * it), the seals are written again over those texts, and for data from before migration V3 the
 * verdicts lose their profile too (column and seal). The oracle key re-signs the chain, as it
 * signed the original.
 */
final class FeedBeforeProfiles {
  private FeedBeforeProfiles() {}

  /**
   * Rewrites the feed, seals and (when {@code beforeV3}) verdicts in one transaction.
   *
   * @return how many feed entries lost their profile
   */
  static int rewrite(Sql sql, VerdictSeals seals, boolean beforeV3) {
    return sql.inTransaction(
        tx -> {
          Map<Long, String> texts = new HashMap<>();
          tx.query(
                  "SELECT id, entry FROM poc.feed ORDER BY id",
                  row ->
                      Map.entry(
                          Rows.required(row, "id", Long.class), Rows.requiredString(row, "entry")))
              .forEach(e -> texts.put(e.getKey(), withoutProfile(e.getValue())));
          texts.forEach(
              (id, text) -> tx.update("UPDATE poc.feed SET entry = $1 WHERE id = $2", text, id));
          if (beforeV3) {
            tx.update("UPDATE poc.verdict SET rule_profile = NULL");
          }
          List<Object[]> old =
              tx.query(
                  "SELECT body, sealed_at FROM poc.verdict_seal ORDER BY seq",
                  row ->
                      new Object[] {
                        Rows.required(row, "body", byte[].class),
                        Rows.instant(row, "sealed_at").orElseThrow()
                      });
          tx.update("DELETE FROM poc.verdict_seal");
          for (Object[] seal : old) {
            SealCodec.Contents contents = SealCodec.decode((byte[]) seal[0]);
            List<SealedVerdict> verdicts = new ArrayList<>();
            for (SealedVerdict v : contents.verdicts()) {
              verdicts.add(beforeV3 ? withoutProfile(v) : v);
            }
            List<SealedFeedEntry> feed = new ArrayList<>();
            for (SealedFeedEntry f : contents.feed()) {
              feed.add(
                  new SealedFeedEntry(
                      f.id(), f.beaconReportId(), VerdictSeals.entryDigest(texts.get(f.id()))));
            }
            seals.append(tx, verdicts, feed, (Instant) seal[1]);
          }
          return texts.size();
        });
  }

  /** The entry text the renderer wrote before it named the profile. */
  static String withoutProfile(String entry) {
    String stripped = entry.replaceFirst(",\"rule_profile\":\"[^\"]*\"", "");
    if (stripped.equals(entry)) {
      throw new IllegalStateException("expected a rule_profile in " + entry);
    }
    return stripped;
  }

  private static SealedVerdict withoutProfile(SealedVerdict v) {
    return new SealedVerdict(
        v.reportId(),
        v.kind(),
        v.hotspot(),
        v.receivedAt(),
        v.beaconReportId(),
        v.verdict(),
        v.reason(),
        v.side(),
        v.detail(),
        v.selected(),
        v.rewardUnit(),
        v.hexScale(),
        v.location(),
        v.verifiedAt(),
        v.feedId(),
        Optional.empty());
  }
}
