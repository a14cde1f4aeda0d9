package org.hexproof.poc.worker;

import java.time.Instant;
import org.hexproof.poc.verify.BeaconReport;
import org.hexproof.poc.verify.OracleEntropy;

/** A beacon claimed for verification, with its entropy and stored channel. */
record ClaimedBeacon(String reportId, BeaconReport report, OracleEntropy entropy) {
  Instant receivedAt() {
    return report.receivedAt();
  }
}
