package org.hexproof.poc.ingest;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.HexFormat;
import java.util.List;
import org.hexproof.core.proto.BeaconReport;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.proto.WitnessReport;

/**
 * The two report kinds ingest stores: their message, table and the columns taken from the message.
 * Every kind's table also has {@code report_id}, {@code hotspot_key}, {@code received_at} and
 * {@code signed_report}; the columns here are the rest, in table order.
 */
public enum ReportKind {
  /** {@code BeaconReport} into {@code poc.beacon_report}. */
  BEACON(
      "beacon",
      "BeaconReport",
      "beacon_report",
      BeaconReport.parser(),
      List.of(
          new Column("local_entropy", Type.BYTEA),
          new Column("remote_entropy", Type.BYTEA),
          new Column("data", Type.BYTEA),
          new Column("frequency_hz", Type.BIGINT),
          new Column("channel", Type.INTEGER),
          new Column("datarate", Type.TEXT),
          new Column("tx_power_dbm", Type.INTEGER))),
  /** {@code WitnessReport} into {@code poc.witness_report}. */
  WITNESS(
      "witness",
      "WitnessReport",
      "witness_report",
      WitnessReport.parser(),
      List.of(
          new Column("data", Type.BYTEA),
          new Column("signal_ddbm", Type.INTEGER),
          new Column("snr_ddb", Type.INTEGER),
          new Column("frequency_hz", Type.BIGINT),
          new Column("datarate", Type.TEXT)));

  /** PostgreSQL column types, with the array form the batch insert binds. */
  enum Type {
    TEXT("text"),
    // bound as hex text and decoded in SQL: r2dbc-postgresql 1.1 sends array parameters in the
    // text format only (ArrayCodec), and its byte[][] -> bytea[] elements lose their backslash
    // there, storing the hex digits as text (BatchIngestIT stores every byte value and reads it)
    BYTEA("text"),
    BIGINT("bigint"),
    INTEGER("integer");

    final String arrayType;

    Type(String arrayType) {
      this.arrayType = arrayType;
    }
  }

  record Column(String name, Type type) {}

  private final String label;
  private final String messageName;
  private final String table;
  private final Parser<? extends Message> parser;
  private final List<Column> columns;

  ReportKind(
      String label,
      String messageName,
      String table,
      Parser<? extends Message> parser,
      List<Column> columns) {
    this.label = label;
    this.messageName = messageName;
    this.table = table;
    this.parser = parser;
    this.columns = columns;
  }

  /** {@code beacon} or {@code witness}: the metrics tag and the path segment. */
  public String label() {
    return label;
  }

  /** The protobuf message name ({@code BeaconReport}). */
  public String messageName() {
    return messageName;
  }

  /** The table in schema {@code poc}. */
  public String table() {
    return table;
  }

  /** The message's parser. */
  public Parser<? extends Message> parser() {
    return parser;
  }

  /**
   * The stored columns taken from a message, by name, in table order: {@code byte[]} for bytea,
   * {@code Long}, {@code Integer} or {@code String} otherwise.
   *
   * @throws RequestRejected 400 for an unknown data rate
   */
  public java.util.Map<String, Object> columnValues(Message message) {
    Object[] values = values(message);
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      out.put(columns.get(i).name(), values[i]);
    }
    return out;
  }

  List<Column> columns() {
    return columns;
  }

  /** The message's values for {@link #columns()}, in order; rejects an unknown data rate (400). */
  Object[] values(Message message) {
    if (message instanceof BeaconReport b) {
      dataRate(b.getDatarate());
      return new Object[] {
        b.getLocalEntropy().toByteArray(),
        b.getRemoteEntropy().toByteArray(),
        b.getData().toByteArray(),
        b.getFrequencyHz(),
        b.getChannel(),
        b.getDatarate().name(),
        b.getTxPowerDbm()
      };
    }
    WitnessReport w = (WitnessReport) message;
    dataRate(w.getDatarate());
    return new Object[] {
      w.getData().toByteArray(),
      w.getSignalDdbm(),
      w.getSnrDdb(),
      w.getFrequencyHz(),
      w.getDatarate().name()
    };
  }

  private void dataRate(DataRate rate) {
    if (rate == DataRate.UNRECOGNIZED) {
      throw new RequestRejected(
          RequestRejected.Kind.MALFORMED, messageName + ".datarate: unknown code");
    }
  }

  /** One column's values of several rows as the array the batch insert binds. */
  Object array(int column, List<Object[]> rows) {
    Type type = columns.get(column).type();
    return switch (type) {
      case TEXT -> rows.stream().map(r -> (String) r[column]).toArray(String[]::new);
      case BYTEA ->
          rows.stream()
              .map(r -> HexFormat.of().formatHex((byte[]) r[column]))
              .toArray(String[]::new);
      case BIGINT -> rows.stream().map(r -> (Long) r[column]).toArray(Long[]::new);
      case INTEGER -> rows.stream().map(r -> (Integer) r[column]).toArray(Integer[]::new);
    };
  }
}
