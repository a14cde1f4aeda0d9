package org.hexproof.poc.app;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The tamperings {@link VerdictAuditIT} applies one at a time: the table the audit must name, a
 * query choosing the row (its id), the statement changing it ({@code $1} = that id), and the field
 * the audit must name.
 */
final class AuditTampering {
  private AuditTampering() {}

  static Stream<Arguments> cases() {
    String witness =
        "SELECT min(report_id) FROM poc.verdict WHERE kind = 'witness' AND verdict = 'valid'";
    String invalid =
        "SELECT min(report_id) FROM poc.verdict WHERE verdict = 'invalid' AND reason <> 'stale'";
    String beacon =
        "SELECT min(report_id) FROM poc.verdict WHERE kind = 'beacon' AND feed_id IS NOT NULL";
    String feed = "SELECT min(id)::text FROM poc.feed";
    String seal = "SELECT min(seq)::text FROM poc.verdict_seal";
    String witnessReport = "SELECT min(report_id) FROM poc.witness_report";
    String beaconReport = "SELECT min(report_id) FROM poc.beacon_report";
    return Stream.of(
        Arguments.of(
            "verdict",
            witness,
            "UPDATE poc.verdict SET verdict = 'invalid', reason = 'bad_rssi' WHERE report_id = $1",
            "verdict"),
        Arguments.of(
            "verdict",
            invalid,
            "UPDATE poc.verdict SET reason = 'denied' WHERE report_id = $1",
            "reason"),
        Arguments.of(
            "verdict",
            invalid,
            "UPDATE poc.verdict SET side = 'none' WHERE report_id = $1",
            "side"),
        Arguments.of(
            "verdict",
            invalid,
            "UPDATE poc.verdict SET detail = 'fine' WHERE report_id = $1",
            "detail"),
        Arguments.of(
            "verdict",
            witness,
            "UPDATE poc.verdict SET selected = NOT selected WHERE report_id = $1",
            "selected"),
        Arguments.of(
            "verdict",
            witness,
            "UPDATE poc.verdict SET reward_unit = reward_unit + 1 WHERE report_id = $1",
            "reward_unit"),
        Arguments.of(
            "verdict",
            beacon,
            "UPDATE poc.verdict SET hex_scale = hex_scale + 1 WHERE report_id = $1",
            "hex_scale"),
        Arguments.of(
            "verdict",
            witness,
            "UPDATE poc.verdict SET verified_at = verified_at - interval '1 day' WHERE report_id = $1",
            "verified_at"),
        Arguments.of(
            "verdict",
            witness,
            "UPDATE poc.verdict SET feed_id = feed_id + 1 WHERE report_id = $1",
            "feed_id"),
        Arguments.of(
            "verdict",
            witness,
            "UPDATE poc.verdict SET beacon_report_id = 'x' WHERE report_id = $1",
            "beacon_report_id"),
        Arguments.of(
            "verdict",
            witness,
            "UPDATE poc.verdict SET kind = 'beacon' WHERE report_id = $1",
            "kind"),
        Arguments.of(
            "verdict",
            invalid,
            "UPDATE poc.verdict SET rule_profile = 'wifi-2g4' WHERE report_id = $1",
            "rule_profile"),
        Arguments.of("verdict", witness, "DELETE FROM poc.verdict WHERE report_id = $1", "row"),
        Arguments.of(
            "verdict",
            witness,
            "INSERT INTO poc.verdict (report_id, kind, verdict, verified_at)"
                + " SELECT $1 || 'x', 'witness', 'valid', now()",
            "row"),
        Arguments.of(
            "witness_report",
            witnessReport,
            "UPDATE poc.witness_report SET signed_report = set_byte(signed_report, 12,"
                + " get_byte(signed_report, 12) # 1) WHERE report_id = $1",
            "signed_report"),
        Arguments.of(
            "witness_report",
            witnessReport,
            "UPDATE poc.witness_report SET signal_ddbm = signal_ddbm + 100 WHERE report_id = $1",
            "signal_ddbm"),
        Arguments.of(
            "beacon_report",
            beaconReport,
            "UPDATE poc.beacon_report SET frequency_hz = frequency_hz + 1 WHERE report_id = $1",
            "frequency_hz"),
        Arguments.of(
            "witness_report",
            witness,
            "UPDATE poc.witness_report SET received_at = received_at + interval '1 second'"
                + " WHERE report_id = $1",
            "received_at"),
        Arguments.of("feed", feed, "DELETE FROM poc.feed WHERE id = $1::bigint", "row"),
        Arguments.of(
            "feed",
            feed,
            "UPDATE poc.feed SET entry = replace(entry, '\"location\":\""
                + Hotspots.BEACONER_CELL.toDecimalString()
                + "\"', '\"location\":\"631615575095659520\"') WHERE id = $1::bigint",
            "beacon.location"),
        Arguments.of(
            "feed",
            feed,
            "UPDATE poc.feed SET entry = replace(entry, '\"rule_profile\":\"helium-iot-2025\"',"
                + " '\"rule_profile\":\"wifi-2g4\"') WHERE id = $1::bigint",
            "beacon.rule_profile"),
        Arguments.of(
            "feed",
            feed,
            "UPDATE poc.feed SET entry = replace(entry, '\"snr_ddb\":35', '\"snr_ddb\":99')"
                + " WHERE id = $1::bigint",
            "entry"),
        Arguments.of(
            "verdict_seal",
            seal,
            "UPDATE poc.verdict_seal SET body = body || '\\x00'::bytea WHERE seq = $1::bigint",
            "body"),
        Arguments.of(
            "verdict_seal",
            seal,
            "UPDATE poc.verdict_seal SET signature = set_byte(signature, 0, get_byte(signature, 0) # 1)"
                + " WHERE seq = $1::bigint",
            "signature"),
        Arguments.of(
            "verdict_seal", seal, "DELETE FROM poc.verdict_seal WHERE seq = $1::bigint", "seq"));
  }
}
