package org.hexproof.bridge.daemon;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Objects;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.oracle.OracleOutcome;
import org.hexproof.bridge.outbox.Delivery;
import org.hexproof.bridge.outbox.OutboxRecord;
import org.hexproof.bridge.outbox.ReportSink;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.proto.LocationAssertion;

/** Delivers outbox records to the oracle endpoint of their kind. */
final class OracleSink implements ReportSink {
  private final OracleClient oracle;

  OracleSink(OracleClient oracle) {
    this.oracle = Objects.requireNonNull(oracle, "oracle");
  }

  @Override
  public Delivery deliver(OutboxRecord record) {
    byte[] bytes = record.bytes();
    OracleOutcome outcome =
        switch (record.kind()) {
          case ONBOARDING -> oracle.onboard(bytes);
          case BEACON -> oracle.submitBeacon(bytes);
          case WITNESS -> oracle.submitWitness(bytes);
          case LOCATION -> {
            PublicKey hotspot;
            try {
              hotspot =
                  PublicKey.fromBytes(LocationAssertion.parseFrom(bytes).getPubKey().toByteArray());
            } catch (InvalidProtocolBufferException | MalformedKeyException e) {
              yield new OracleOutcome.Rejected(0, "stored location assertion unreadable: " + e);
            }
            yield oracle.assertLocation(hotspot, bytes);
          }
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
