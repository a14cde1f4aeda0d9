package org.hexproof.bridge.oracle;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The body of a batch request: each signed report preceded by its length as a protobuf varint, as
 * {@code Message.writeDelimitedTo} writes it and the oracle's batch endpoints read it.
 */
public final class DelimitedReports {
  private DelimitedReports() {}

  /**
   * The body for these reports, in order.
   *
   * @param reports one or more signed reports, each at least one byte long
   * @throws IllegalArgumentException for no reports or an empty one (the oracle would refuse the
   *     whole request as broken framing)
   */
  public static byte[] encode(List<byte[]> reports) {
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("batch: expected at least one report, got none");
    }
    int size = 0;
    for (byte[] report : reports) {
      if (report.length == 0) {
        throw new IllegalArgumentException("batch: expected non-empty reports, got an empty one");
      }
      size += CodedOutputStream.computeUInt32SizeNoTag(report.length) + report.length;
    }
    byte[] body = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(body);
    try {
      for (byte[] report : reports) {
        out.writeUInt32NoTag(report.length);
        out.writeRawBytes(report);
      }
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("batch: the computed body size was wrong", e);
    }
    return body;
  }
}
