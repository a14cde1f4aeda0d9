package org.hexproof.bridge.outbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored report.
 *
 * @param id position in the outbox, increasing from 1 in append order and never reused
 * @param kind what the bytes are
 * @param bytes the signed protobuf exactly as it will be sent; copied in and out
 * @param appendedAt when it was appended, from the outbox's clock (millisecond precision)
 */
public record OutboxRecord(long id, ReportKind kind, byte[] bytes, Instant appendedAt) {
  /** Validates and copies. */
  public OutboxRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(appendedAt, "appendedAt");
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
    if (id < 1) {
      throw new IllegalArgumentException("id: expected >= 1, got " + id);
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutboxRecord r
        && id == r.id
        && kind == r.kind
        && Arrays.equals(bytes, r.bytes)
        && appendedAt.equals(r.appendedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, kind, Arrays.hashCode(bytes), appendedAt);
  }

  @Override
  public String toString() {
    return "OutboxRecord[id=" + id + ", " + kind + ", " + bytes.length + " bytes]";
  }
}
