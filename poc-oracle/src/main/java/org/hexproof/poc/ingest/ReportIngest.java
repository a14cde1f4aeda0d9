package org.hexproof.poc.ingest;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.proto.WitnessReport;
import org.hexproof.poc.ingest.RequestRejected.Kind;
import org.hexproof.poc.store.ReportIds;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Accepts signed beacon and witness reports. After the {@link SignedBodies} checks (413, 400, 401)
 * the signer must be onboarded (else <b>403</b>: authenticated, but not a hotspot of this network);
 * then the report is stored with the oracle's receive time, keyed by {@link ReportIds its id}, and
 * only then acknowledged. Storing is idempotent: the same bytes again store nothing and return the
 * first receipt. Nothing is stored for a rejected request.
 */
public final class ReportIngest {
  private final Sql sql;
  private final SignedBodies bodies;
  private final Predicate<String> onboarded;

  /** What the oracle acknowledges: the report's id and its (first) receive time. */
  public record Receipt(String reportId, Instant receivedAt, boolean duplicate) {}

  /**
   * @param sql the database
   * @param bodies the signed-body checks
   * @param onboarded whether a base58 key is in the registry
   */
  public ReportIngest(Sql sql, SignedBodies bodies, Predicate<String> onboarded) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.bodies = Objects.requireNonNull(bodies, "bodies");
    this.onboarded = Objects.requireNonNull(onboarded, "onboarded");
  }

  /**
   * Stores a beacon report.
   *
   * @param body the request body as received
   * @param receivedAt the oracle's clock when the request arrived
   * @return the receipt
   * @throws RequestRejected 413, 400, 401 or 403
   */
  public Receipt beacon(byte[] body, Instant receivedAt) {
    BeaconReport report = bodies.open("BeaconReport", body, BeaconReport.parser()).message();
    String key = signer(report.getPubKey().toByteArray());
    dataRate("BeaconReport", report.getDatarate());
    String id = ReportIds.of(body);
    long inserted =
        sql.update(
            "INSERT INTO poc.beacon_report (report_id, hotspot_key, received_at, local_entropy,"
                + " remote_entropy, data, frequency_hz, channel, datarate, tx_power_dbm,"
                + " signed_report) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                + " ON CONFLICT (report_id) DO NOTHING",
            id,
            key,
            Rows.bind(receivedAt),
            report.getLocalEntropy().toByteArray(),
            report.getRemoteEntropy().toByteArray(),
            report.getData().toByteArray(),
            report.getFrequencyHz(),
            report.getChannel(),
            report.getDatarate().name(),
            report.getTxPowerDbm(),
            body);
    return receipt("beacon_report", id, inserted == 0);
  }

  /**
   * Stores a witness report.
   *
   * @param body the request body as received
   * @param receivedAt the oracle's clock when the request arrived
   * @return the receipt
   * @throws RequestRejected 413, 400, 401 or 403
   */
  public Receipt witness(byte[] body, Instant receivedAt) {
    WitnessReport report = bodies.open("WitnessReport", body, WitnessReport.parser()).message();
    String key = signer(report.getPubKey().toByteArray());
    dataRate("WitnessReport", report.getDatarate());
    String id = ReportIds.of(body);
    long inserted =
        sql.update(
            "INSERT INTO poc.witness_report (report_id, hotspot_key, received_at, data, signal_ddbm,"
                + " snr_ddb, frequency_hz, datarate, signed_report)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (report_id) DO NOTHING",
            id,
            key,
            Rows.bind(receivedAt),
            report.getData().toByteArray(),
            report.getSignalDdbm(),
            report.getSnrDdb(),
            report.getFrequencyHz(),
            report.getDatarate().name(),
            body);
    return receipt("witness_report", id, inserted == 0);
  }

  private String signer(byte[] pubKey) {
    String key = org.hexproof.core.keys.PublicKey.fromBytes(pubKey).toBase58();
    if (!onboarded.test(key)) {
      throw new RequestRejected(Kind.FORBIDDEN, "hotspot " + key + " is not onboarded");
    }
    return key;
  }

  private static void dataRate(String what, DataRate rate) {
    if (rate == DataRate.UNRECOGNIZED) {
      throw new RequestRejected(Kind.MALFORMED, what + ".datarate: unknown code");
    }
  }

  private Receipt receipt(String table, String id, boolean duplicate) {
    Instant first =
        sql.queryOne(
                "SELECT received_at FROM poc." + table + " WHERE report_id = $1",
                row -> Rows.requiredInstant(row, "received_at"),
                id)
            .orElseThrow(() -> new IllegalStateException(table + " lost report " + id));
    return new Receipt(id, first, duplicate);
  }
}
