package org.hexproof.bridge.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hexproof.bridge.files.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbox's segment files by first id, and the one open channel that appends go to: rotation to a
 * new segment once the last is {@code maxSegmentBytes} long, the count of unresolved records per
 * segment, and deletion of segments whose records are all resolved. The acknowledgement log that
 * must follow a deletion stays with {@link Outbox}. Not thread-safe: the outbox calls it under its
 * own lock.
 */
final class OutboxSegments {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final Path dir;
  private final long maxSegmentBytes;
  private final TreeMap<Long, OutboxSegment> byFirstId = new TreeMap<>();
  private FileChannel activeChannel;

  OutboxSegments(Path dir, long maxSegmentBytes) {
    this.dir = dir;
    this.maxSegmentBytes = maxSegmentBytes;
  }

  /** The segments by first id, for {@link OutboxRecovery} to fill when the outbox opens. */
  Map<Long, OutboxSegment> byFirstId() {
    return byFirstId;
  }

  /**
   * Writes a record durably to the segment that takes appends, starting a new segment when the last
   * is full; a failed write is cut off again, so nothing was stored then.
   */
  void append(long id, ReportKind kind, Instant at, byte[] bytes) throws IOException {
    OutboxSegment segment = writableSegment(id);
    ByteBuffer framed = FramedLog.frame(OutboxFiles.encodeRecord(id, kind, at, bytes));
    int length = framed.remaining();
    try {
      FramedLog.appendDurably(activeChannel, framed);
    } catch (IOException e) {
      activeChannel.truncate(segment.bytes);
      throw e;
    }
    segment.bytes += length;
    segment.lastId = id;
    segment.unresolved++;
  }

  /**
   * Counts record {@code id} as resolved in its segment.
   *
   * @return true when that segment has no unresolved record left and takes no more appends, so that
   *     compaction may delete it
   */
  boolean resolve(long id) {
    OutboxSegment segment = byFirstId.floorEntry(id).getValue();
    segment.unresolved--;
    if (segment.unresolved == 0 && takesAppends(segment)) {
      // kept for the next append, but not held open while the outbox is empty
      closeActive();
      return false;
    }
    return segment.unresolved == 0;
  }

  /**
   * The segments whose records are all resolved, oldest first ({@code all}: also the one that takes
   * appends, when the outbox opens).
   */
  List<OutboxSegment> resolved(boolean all) {
    return byFirstId.values().stream()
        .filter(s -> s.unresolved == 0 && (all || !takesAppends(s)))
        .toList();
  }

  /** Deletes a segment's file (closing it first if appends go to it) and forgets the segment. */
  void delete(OutboxSegment segment) throws IOException {
    if (segment == byFirstId.lastEntry().getValue()) {
      closeActive();
    }
    Files.deleteIfExists(segment.path);
    byFirstId.remove(segment.firstId);
  }

  /**
   * Closes the channel that appends go to, if open, when the outbox closes. The closed channel is
   * kept, so an append after close fails instead of reopening the segment.
   */
  void close() {
    closeQuietly(dir, activeChannel);
  }

  /** Closes {@code channel} of the outbox in {@code dir}, logging a failure; null is ignored. */
  static void closeQuietly(Path dir, FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("outbox {}: closing a file: {}", dir, e.toString());
    }
  }

  /** Closes the channel that appends go to, if open; the next append opens it again. */
  private void closeActive() {
    closeQuietly(dir, activeChannel);
    activeChannel = null;
  }

  private OutboxSegment writableSegment(long id) throws IOException {
    Map.Entry<Long, OutboxSegment> last = byFirstId.lastEntry();
    if (activeChannel != null && last != null && last.getValue().bytes < maxSegmentBytes) {
      return last.getValue();
    }
    closeActive();
    OutboxSegment segment;
    boolean created = false;
    if (last != null && last.getValue().bytes < maxSegmentBytes) {
      segment = last.getValue();
    } else {
      segment = new OutboxSegment(id, OutboxFiles.segmentPath(dir, id));
      byFirstId.put(id, segment);
      created = true;
    }
    activeChannel = segment.open();
    if (created) {
      // a segment reopened after the outbox ran empty is in the directory durably already
      DurableFiles.syncDirectory(dir);
    }
    return segment;
  }

  /**
   * Whether {@code segment} is the one that further appends go to. It is not deleted when its
   * records are resolved, only once it is full (or when the outbox is next opened): deleting it
   * each time the outbox runs empty cost a new segment file, a rewritten acknowledgement log and
   * four more fsyncs per report, which on a devnet of 1,000 daemons sharing one disk kept most of
   * their shared worker threads waiting in fsync and reports waiting seconds to be sent.
   */
  private boolean takesAppends(OutboxSegment segment) {
    return segment == byFirstId.lastEntry().getValue() && segment.bytes < maxSegmentBytes;
  }
}
