package org.hexproof.bridge.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The framing every outbox file uses: {@code u32 length ‖ u32 CRC-32(body) ‖ body}, big-endian. A
 * frame whose header or body runs past the end of the file, whose length is out of range, or whose
 * CRC does not match ends the readable part; everything from there on is a torn write.
 */
final class FramedLog {
  /** Bytes before the body: length and CRC. */
  static final int HEADER_BYTES = 8;

  /** Largest body accepted, bytes; a larger length field can only be damage. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private FramedLog() {}

  /** The readable frames of a file and where they end. */
  record Scan(List<ByteBuffer> bodies, long validBytes, long fileBytes) {
    boolean torn() {
      return validBytes < fileBytes;
    }
  }

  /** Frames {@code body}: header and body in one buffer ready to write. */
  static ByteBuffer frame(ByteBuffer body) {
    int length = body.remaining();
    CRC32 crc = new CRC32();
    crc.update(body.duplicate());
    ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + length).order(ByteOrder.BIG_ENDIAN);
    out.putInt(length).putInt((int) crc.getValue()).put(body.duplicate()).flip();
    return out;
  }

  /** Frames each body, all in one buffer ready to write. */
  static ByteBuffer frameAll(List<ByteBuffer> bodies) {
    List<ByteBuffer> frames = bodies.stream().map(FramedLog::frame).toList();
    ByteBuffer out = ByteBuffer.allocate(frames.stream().mapToInt(ByteBuffer::remaining).sum());
    frames.forEach(out::put);
    return out.flip();
  }

  /** Reads frames from the start of {@code channel} until the end or the first damaged frame. */
  static Scan scan(FileChannel channel) throws IOException {
    long size = channel.size();
    List<ByteBuffer> bodies = new ArrayList<>();
    long position = 0;
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
    while (position + HEADER_BYTES <= size) {
      header.clear();
      readFully(channel, header, position);
      header.flip();
      int length = header.getInt();
      int expectedCrc = header.getInt();
      if (length < 0 || length > MAX_BODY_BYTES || position + HEADER_BYTES + length > size) {
        break;
      }
      ByteBuffer body = ByteBuffer.allocate(length);
      readFully(channel, body, position + HEADER_BYTES);
      body.flip();
      CRC32 crc = new CRC32();
      crc.update(body.duplicate());
      if ((int) crc.getValue() != expectedCrc) {
        break;
      }
      bodies.add(body.asReadOnlyBuffer());
      position += HEADER_BYTES + length;
    }
    return new Scan(bodies, position, size);
  }

  /** Writes the whole buffer at the end of the file and forces it, metadata included, to disk. */
  static void appendDurably(FileChannel channel, ByteBuffer framed) throws IOException {
    long position = channel.size();
    while (framed.hasRemaining()) {
      position += channel.write(framed, position);
    }
    channel.force(true);
  }

  private static void readFully(FileChannel channel, ByteBuffer into, long position)
      throws IOException {
    long at = position;
    while (into.hasRemaining()) {
      int n = channel.read(into, at);
      if (n < 0) {
        throw new IOException("unexpected end of file at " + at);
      }
      at += n;
    }
  }
}
