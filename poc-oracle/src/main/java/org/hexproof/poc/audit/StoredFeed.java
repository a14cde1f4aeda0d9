package org.hexproof.poc.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Compares every feed entry with its seal: the beacon it carries and the SHA-256 of its text. When
 * the text changed, the entry's verdict fields (report ids, hotspots, locations, receive times,
 * verdicts, reasons, selection, units, hex scale, and the beacon's rule profile where the entry
 * carries one) are compared with the sealed verdicts to name the field; a change elsewhere in the
 * text is named {@code entry}.
 */
final class StoredFeed {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredFeed() {}

  private record Entry(long id, String beaconReportId, String text) {}

  static long check(Sql sql, SealChain chain, List<AuditFinding> findings) {
    Set<Long> seen =
        Pages.each(
            sql,
            "SELECT id, beacon_report_id, entry FROM poc.feed WHERE id > $1 ORDER BY id LIMIT $2",
            -1L,
            r ->
                new Entry(
                    Rows.required(r, "id", Long.class),
                    Rows.requiredString(r, "beacon_report_id"),
                    Rows.requiredString(r, "entry")),
            Entry::id,
            e -> {
              compare(e, chain, findings);
            });
    Pages.deleted("feed", chain.feedSeal, seen, findings);
    return seen.size();
  }

  private static void compare(Entry e, SealChain chain, List<AuditFinding> findings) {
    String id = String.valueOf(e.id());
    SealedFeedEntry sealed = chain.feed.get(e.id());
    if (sealed == null) {
      findings.add(new AuditFinding("feed", id, "row", "no seal covers this feed entry"));
      return;
    }
    if (!sealed.beaconReportId().equals(e.beaconReportId())) {
      findings.add(
          new AuditFinding(
              "feed",
              id,
              "beacon_report_id",
              "sealed " + sealed.beaconReportId() + ", stored " + e.beaconReportId()));
    }
    if (Arrays.equals(sealed.entrySha256(), VerdictSeals.entryDigest(e.text()))) {
      return;
    }
    List<AuditFinding> named = new ArrayList<>();
    try {
      JsonNode entry = JSON.readTree(e.text());
      node(id, "beacon", entry.path("beacon"), chain, named);
      JsonNode witnesses = entry.path("witnesses");
      for (int i = 0; i < witnesses.size(); i++) {
        node(id, "witnesses[" + i + "]", witnesses.get(i), chain, named);
      }
    } catch (JsonProcessingException bad) {
      named.add(
          new AuditFinding("feed", id, "entry", "no longer JSON: " + bad.getOriginalMessage()));
    }
    if (named.isEmpty()) {
      named.add(
          new AuditFinding(
              "feed",
              id,
              "entry",
              "text differs from the sealed digest outside the verdict fields"));
    }
    findings.addAll(named);
  }

  private static void node(
      String id, String path, JsonNode node, SealChain chain, List<AuditFinding> out) {
    String reportId = node.path("report_id").asText();
    SealedVerdict v = chain.verdicts.get(reportId);
    if (v == null) {
      out.add(
          new AuditFinding(
              "feed", id, path + ".report_id", "names " + reportId + ", which no seal covers"));
      return;
    }
    field(out, id, path + ".hotspot", v.hotspot(), node.path("hotspot").asText(null));
    field(
        out,
        id,
        path + ".location",
        v.location().map(String::valueOf).orElse(null),
        node.path("location").isNull() ? null : node.path("location").asText(null));
    field(
        out,
        id,
        path + ".received_at",
        FeedEntries.instant(v.receivedAt()),
        node.path("received_at").asText(null));
    field(out, id, path + ".verdict", v.verdict(), node.path("verdict").asText(null));
    field(
        out,
        id,
        path + ".reason",
        v.reason().orElse(null),
        node.path("reason").isNull() ? null : node.path("reason").asText(null));
    field(
        out,
        id,
        path + ".reward_unit",
        FeedEntries.decimal(v.rewardUnit()),
        node.path("reward_unit").asText(null));
    if (v.kind().equals("beacon")) {
      field(
          out,
          id,
          path + ".hex_scale",
          v.hexScale().map(FeedEntries::decimal).orElse(null),
          node.path("hex_scale").asText(null));
      // entries written before the feed carried the profile have no such field, while their
      // verdicts may name one; an entry that lost the field still fails its digest (`entry`)
      if (!node.path("rule_profile").isMissingNode()) {
        field(
            out,
            id,
            path + ".rule_profile",
            v.ruleProfile().orElse(null),
            node.path("rule_profile").isNull() ? null : node.path("rule_profile").asText(null));
      }
    } else {
      field(
          out,
          id,
          path + ".selected",
          String.valueOf(v.selected()),
          node.path("selected").asText(null));
    }
  }

  private static void field(
      List<AuditFinding> out, String id, String path, String sealed, String stored) {
    if (!Objects.equals(sealed, stored)) {
      out.add(new AuditFinding("feed", id, path, "sealed " + sealed + ", stored " + stored));
    }
  }
}
