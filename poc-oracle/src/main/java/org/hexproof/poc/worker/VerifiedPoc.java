package org.hexproof.poc.worker;

import java.time.Duration;
import java.util.List;
import org.hexproof.poc.audit.SealedVerdict;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.verify.PocResult;

/**
 * One verified beacon, ready to write: its verdict rows (beacon first, then witnesses in receive
 * order, then dropped self-witnesses; no feed id yet), its feed entry parts, and what the metrics
 * need.
 *
 * @param beacon the claimed beacon
 * @param witnessIds the report ids of its claimed witnesses
 * @param result the verifier's result
 * @param rows one verdict row per report
 * @param feedBeacon the beacon half of its feed entry
 * @param feedWitnesses the witnesses of its feed entry
 * @param selfWitnesses self-witness reports dropped from the result (each still has a row)
 * @param took time to verify it
 */
record VerifiedPoc(
    ClaimedBeacon beacon,
    List<String> witnessIds,
    PocResult result,
    List<SealedVerdict> rows,
    FeedEntries.Beacon feedBeacon,
    List<FeedEntries.Witness> feedWitnesses,
    int selfWitnesses,
    Duration took) {

  /** The beacon's report id. */
  String beaconId() {
    return beacon.reportId();
  }

  /**
   * The rule profile that judged the beacon and its witnesses (on every row, the beacon's first).
   */
  String ruleProfile() {
    return rows.get(0).ruleProfile().orElseThrow();
  }
}
