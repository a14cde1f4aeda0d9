package org.hexproof.poc.ingest;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hexproof.poc.ingest.RequestRejected.Kind;

/**
 * Splits a batch body: signed messages one after another, each preceded by its length as a protobuf
 * varint (what {@code Message.writeDelimitedTo} writes, and {@code parseDelimitedFrom} reads). The
 * framing is checked before anything is stored: a length running past the end, a zero-length
 * message, or more than the allowed number of messages rejects the whole request.
 */
public final class DelimitedBodies {
  private DelimitedBodies() {}

  /**
   * Splits {@code body}.
   *
   * @param what the message name for error details ("BeaconReport")
   * @param body the request body, may be null
   * @param maxMessages most messages accepted in one request
   * @return the messages' bytes in order, at least one
   * @throws RequestRejected 400 for broken framing or an empty body, 413 for too many messages
   */
  public static List<byte[]> split(String what, byte[] body, int maxMessages) {
    if (body == null || body.length == 0) {
      throw new RequestRejected(
          Kind.MALFORMED, what + " batch: expected length-delimited messages, got no body");
    }
    CodedInputStream in = CodedInputStream.newInstance(body);
    List<byte[]> out = new ArrayList<>();
    try {
      while (!in.isAtEnd()) {
        if (out.size() == maxMessages) {
          throw new RequestRejected(
              Kind.TOO_LARGE,
              what + " batch: expected at most " + maxMessages + " messages, got more");
        }
        int offset = in.getTotalBytesRead();
        int length = in.readRawVarint32();
        if (length <= 0 || length > body.length - in.getTotalBytesRead()) {
          throw new RequestRejected(
              Kind.MALFORMED,
              what
                  + " batch: message "
                  + out.size()
                  + " at byte "
                  + offset
                  + ": expected a length of 1.."
                  + (body.length - in.getTotalBytesRead())
                  + ", got "
                  + length);
        }
        out.add(in.readRawBytes(length));
      }
    } catch (IOException e) {
      throw new RequestRejected(
          Kind.MALFORMED,
          what + " batch: message " + out.size() + ": expected a varint length, got " + e);
    }
    return out;
  }
}
