package org.hexproof.bridge.daemon;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.hexproof.bridge.oracle.BatchOutcome;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.oracle.OracleOutcome;
import org.hexproof.bridge.outbox.BatchDelivery;
import org.hexproof.bridge.outbox.Delivery;
import org.hexproof.bridge.outbox.Outbox;
import org.hexproof.bridge.outbox.OutboxRecord;
import org.hexproof.bridge.outbox.ReportKind;
import org.hexproof.bridge.outbox.ReportSink;
import org.hexproof.bridge.outbox.Sender;
import org.hexproof.bridge.tasks.Workers;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.proto.LocationAssertion;

/**
 * Delivers outbox records to the oracle endpoint of their kind; beacon and witness records also in
 * batches, to {@code /v1/reports/{beacon,witness}/batch}.
 */
public final class OracleSink implements ReportSink {
  private final OracleClient oracle;

  /**
   * @param oracle where records go
   */
  public OracleSink(OracleClient oracle) {
    this.oracle = Objects.requireNonNull(oracle, "oracle");
  }

  /** A sender of {@code outbox} to {@code oracle} with {@code config}'s backoff and batch size. */
  static Sender sender(
      Outbox outbox,
      OracleClient oracle,
      HotspotConfig config,
      Clock clock,
      Random random,
      Workers workers) {
    return new Sender(
        outbox,
        new OracleSink(oracle),
        config.backoff(),
        clock,
        random,
        workers,
        config.batchReports());
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
    return delivery(outcome);
  }

  @Override
  public BatchDelivery deliverAll(List<OutboxRecord> records) {
    ReportKind kind = records.get(0).kind();
    if (records.stream().anyMatch(r -> r.kind() != kind)) {
      throw new IllegalArgumentException("batch: expected records of one kind, got " + records);
    }
    List<byte[]> bytes = records.stream().map(OutboxRecord::bytes).toList();
    BatchOutcome outcome =
        switch (kind) {
          case BEACON -> oracle.submitBeacons(bytes);
          case WITNESS -> oracle.submitWitnesses(bytes);
          default -> new BatchOutcome.NotServed("no batch endpoint for " + kind);
        };
    if (outcome instanceof BatchOutcome.Answered answered) {
      return new BatchDelivery.Answered(
          answered.results().stream().map(OracleSink::delivery).toList());
    }
    if (outcome instanceof BatchOutcome.NotServed notServed) {
      return new BatchDelivery.Unsupported("404 " + notServed.detail());
    }
    if (outcome instanceof BatchOutcome.TooMany tooMany) {
      return new BatchDelivery.TooLarge("413 " + tooMany.detail());
    }
    return new BatchDelivery.Retry(((BatchOutcome.Unavailable) outcome).reason());
  }

  private static Delivery delivery(OracleOutcome outcome) {
    if (outcome instanceof OracleOutcome.Accepted) {
      return new Delivery.Delivered();
    }
    if (outcome instanceof OracleOutcome.Rejected r) {
      return new Delivery.Rejected(r.status() + " " + r.detail());
    }
    return new Delivery.Retry(((OracleOutcome.Unavailable) outcome).reason());
  }
}
