package org.hexproof.bridge.outbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The exclusive lock on an outbox directory's {@code outbox.lock}: one open outbox at a time. */
final class OutboxLock {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private OutboxLock(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code dir}, which must exist.
   *
   * @throws IllegalStateException when another process or outbox holds it
   */
  static OutboxLock take(Path dir) throws IOException {
    FileChannel channel =
        FileChannel.open(
            dir.resolve(OutboxFiles.LOCK_FILE),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    FileLock taken;
    try {
      taken = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      taken = null;
    }
    if (taken == null) {
      channel.close();
      throw new IllegalStateException("outbox " + dir + " is open in another process or outbox");
    }
    return new OutboxLock(dir, channel, taken);
  }

  /** Releases the lock and closes its file; failures are logged. */
  void release() {
    try {
      lock.release();
    } catch (IOException e) {
      log.warn("outbox {}: releasing lock: {}", dir, e.toString());
    }
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("outbox {}: closing a file: {}", dir, e.toString());
    }
  }
}
