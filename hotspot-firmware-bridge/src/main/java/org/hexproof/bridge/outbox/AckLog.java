package org.hexproof.bridge.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An outbox's open acknowledgement log ({@link OutboxFiles#ACK_LOG}): entries appended durably,
 * several in one write and one {@code force}, and the whole log replaced atomically when the outbox
 * compacts. A crash during an append leaves a prefix of its entries readable and the rest torn, cut
 * off when the outbox next opens. Not thread-safe: the outbox calls it under its own lock.
 */
final class AckLog {
  private final Path path;
  private FileChannel channel;

  private AckLog(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** Opens (creating) the log in {@code dir}. */
  static AckLog open(Path dir) throws IOException {
    Path path = dir.resolve(OutboxFiles.ACK_LOG);
    return new AckLog(
        path,
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  /** The open file, for recovery to read and repair. */
  FileChannel channel() {
    return channel;
  }

  /**
   * Appends the entries in order and forces them to disk.
   *
   * @throws UncheckedIOException when they could not be written
   */
  void append(List<ByteBuffer> bodies) {
    try {
      FramedLog.appendDurably(channel, FramedLog.frameAll(bodies));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write outbox acknowledgement log " + path, e);
    }
  }

  /** Replaces the log with exactly these entries, atomically. */
  void rewrite(List<ByteBuffer> bodies) throws IOException {
    channel.close();
    OutboxFiles.replaceAtomically(path, bodies);
    channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }
}
