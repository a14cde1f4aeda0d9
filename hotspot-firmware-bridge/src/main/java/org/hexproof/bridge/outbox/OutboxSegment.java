package org.hexproof.bridge.outbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file of an outbox and what the outbox knows of it: its id range, how many of its
 * records are not yet resolved, and its valid length. Guarded by the outbox's lock.
 */
final class OutboxSegment {
  final long firstId;
  final Path path;
  long lastId;
  int unresolved;
  long bytes;

  OutboxSegment(long firstId, Path path) {
    this.firstId = firstId;
    this.path = path;
    this.lastId = firstId - 1;
  }

  /** Opens the file (creating it) for appends and reads. */
  FileChannel open() throws IOException {
    return FileChannel.open(
        path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }
}
