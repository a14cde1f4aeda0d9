package org.hexproof.poc.audit;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.r2dbc.spi.Row;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.report.SignedMessages;
import org.hexproof.poc.ingest.ReportKind;
import org.hexproof.poc.ingest.RequestRejected;
import org.hexproof.poc.store.ReportIds;
import org.hexproof.poc.store.Rows;
import org.hexproof.support.db.Sql;

/**
 * Re-checks every stored report against its own signed bytes: the bytes hash to the report id, the
 * Ed25519 signature verifies, the signer is the stored {@code hotspot_key}, and every column taken
 * from the message (data, frequency, signal, …) equals the message's value.
 */
final class StoredReports {
  private StoredReports() {}

  private record Stored(String id, String hotspot, byte[] body, Map<String, Object> columns) {}

  static long check(Sql sql, ReportKind kind, List<AuditFinding> findings) {
    long[] rows = {0};
    StringBuilder columns = new StringBuilder();
    kind.columnValues(example(kind)).keySet().forEach(c -> columns.append(", ").append(c));
    Pages.each(
        sql,
        "SELECT report_id, hotspot_key, signed_report"
            + columns
            + " FROM poc."
            + kind.table()
            + " WHERE report_id > $1 ORDER BY report_id LIMIT $2",
        "",
        r -> stored(r, kind),
        Stored::id,
        s -> {
          rows[0]++;
          compare(s, kind, findings);
        });
    return rows[0];
  }

  private static void compare(Stored s, ReportKind kind, List<AuditFinding> findings) {
    String table = kind.table();
    if (!ReportIds.of(s.body()).equals(s.id())) {
      findings.add(
          new AuditFinding(
              table, s.id(), "signed_report", "the stored bytes do not hash to the report id"));
    }
    Message message;
    try {
      message = kind.parser().parseFrom(s.body());
    } catch (InvalidProtocolBufferException e) {
      findings.add(
          new AuditFinding(
              table,
              s.id(),
              "signed_report",
              "not a " + kind.messageName() + ": " + e.getMessage()));
      return;
    }
    boolean valid;
    PublicKey signer;
    try {
      valid = SignedMessages.verify(message);
      signer =
          PublicKey.fromBytes(
              ((com.google.protobuf.ByteString)
                      message.getField(
                          message
                              .getDescriptorForType()
                              .findFieldByName(SignedMessages.PUB_KEY_FIELD)))
                  .toByteArray());
    } catch (MalformedKeyException | UnsupportedOperationException e) {
      findings.add(new AuditFinding(table, s.id(), "signed_report", "pub_key: " + e.getMessage()));
      return;
    }
    if (!valid) {
      findings.add(
          new AuditFinding(
              table, s.id(), "signed_report", "the Ed25519 signature does not verify"));
    }
    if (!signer.toBase58().equals(s.hotspot())) {
      findings.add(
          new AuditFinding(
              table,
              s.id(),
              "hotspot_key",
              "signed by " + signer.toBase58() + ", stored " + s.hotspot()));
    }
    Map<String, Object> signed;
    try {
      signed = kind.columnValues(message);
    } catch (RequestRejected e) {
      findings.add(new AuditFinding(table, s.id(), "signed_report", e.detail()));
      return;
    }
    signed.forEach(
        (column, value) -> {
          Object stored = s.columns().get(column);
          boolean same =
              value instanceof byte[] b
                  ? stored instanceof byte[] c && Arrays.equals(b, c)
                  : Objects.equals(value, stored);
          if (!same) {
            findings.add(
                new AuditFinding(
                    table, s.id(), column, "signed " + show(value) + ", stored " + show(stored)));
          }
        });
  }

  private static String show(Object value) {
    return value instanceof byte[] b
        ? java.util.HexFormat.of().formatHex(b)
        : String.valueOf(value);
  }

  private static Message example(ReportKind kind) {
    return kind == ReportKind.BEACON
        ? org.hexproof.core.proto.BeaconReport.getDefaultInstance()
        : org.hexproof.core.proto.WitnessReport.getDefaultInstance();
  }

  private static Stored stored(Row r, ReportKind kind) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (Map.Entry<String, Object> c : kind.columnValues(example(kind)).entrySet()) {
      columns.put(c.getKey(), r.get(c.getKey(), c.getValue().getClass()));
    }
    return new Stored(
        Rows.requiredString(r, "report_id"),
        Rows.requiredString(r, "hotspot_key"),
        Rows.required(r, "signed_report", byte[].class),
        columns);
  }
}
