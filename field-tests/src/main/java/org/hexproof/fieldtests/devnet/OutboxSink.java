package org.hexproof.fieldtests.devnet;

import java.util.Objects;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.oracle.OracleOutcome;
import org.hexproof.bridge.outbox.Delivery;
import org.hexproof.bridge.outbox.OutboxRecord;
import org.hexproof.bridge.outbox.ReportSink;
import org.hexproof.core.keys.PublicKey;

/** Delivers a concentrator hotspot's outbox records to the oracle endpoint of their kind. */
final class OutboxSink implements ReportSink {
  private final OracleClient oracle;
  private final PublicKey hotspot;

  OutboxSink(OracleClient oracle, PublicKey hotspot) {
    this.oracle = Objects.requireNonNull(oracle, "oracle");
    this.hotspot = Objects.requireNonNull(hotspot, "hotspot");
  }

  @Override
  public Delivery deliver(OutboxRecord record) {
    byte[] bytes = record.bytes();
    OracleOutcome outcome =
        switch (record.kind()) {
          case ONBOARDING -> oracle.onboard(bytes);
          case LOCATION -> oracle.assertLocation(hotspot, bytes);
          case BEACON -> oracle.submitBeacon(bytes);
          case WITNESS -> oracle.submitWitness(bytes);
        };
    if (outcome instanceof OracleOutcome.Accepted) {
      return new Delivery.Delivered();
    }
    if (outcome instanceof OracleOutcome.Rejected r) {
      return new Delivery.Rejected(r.status() + " " + r.detail());
    }
    return new Delivery.Retry(((OracleOutcome.Unavailable) outcome).reason());
  }
}
