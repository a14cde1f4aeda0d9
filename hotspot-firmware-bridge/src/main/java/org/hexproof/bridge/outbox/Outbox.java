package org.hexproof.bridge.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hexproof.bridge.files.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, append-only store of signed reports waiting to be delivered (file layout in {@link
 * OutboxFiles}, segment files and their rotation in {@link OutboxSegments}). {@link #append}
 * returns only after the record is on disk ({@code FileChannel.force(true)}); acknowledgements and
 * parkings are logged the same way, so a reopened outbox has exactly the records that were appended
 * and not yet resolved. A write torn by a crash fails its length or CRC check and is cut off when
 * the outbox opens; it is never read as a record. A segment whose records are all resolved is
 * deleted once no more appends go to it (it is full, or the outbox was reopened), and the
 * acknowledgement log is then rewritten without the entries it no longer needs.
 *
 * <p>One process at a time: {@link #open} takes an exclusive lock on {@code outbox.lock}. Methods
 * are thread-safe.
 */
public final class Outbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  /** Segment size after which appends start a new segment, bytes. */
  public static final long DEFAULT_SEGMENT_BYTES = 4L * 1024 * 1024;

  private final Path dir;
  private final Clock clock;
  private final OutboxLock lock;
  private final OutboxSegments segments;
  private final TreeMap<Long, OutboxRecord> pending = new TreeMap<>();
  private final TreeSet<Long> acknowledged = new TreeSet<>();
  private final TreeMap<Long, DeadLetter> parked = new TreeMap<>();
  private AckLog acks;
  private long lastId;

  private Outbox(Path dir, Clock clock, long maxSegmentBytes) throws IOException {
    this.dir = dir;
    this.clock = clock;
    this.segments = new OutboxSegments(dir, maxSegmentBytes);
    Files.createDirectories(dir);
    lock = OutboxLock.take(dir);
  }

  /** Opens {@code dir} (creating it) with {@link #DEFAULT_SEGMENT_BYTES}. */
  public static Outbox open(Path dir, Clock clock) {
    return open(dir, clock, DEFAULT_SEGMENT_BYTES);
  }

  /**
   * Opens the outbox in {@code dir}, creating the directory if needed, cutting off torn tails and
   * compacting resolved segments.
   *
   * @param maxSegmentBytes appends go to a new segment once the current one is this large, >= 1
   * @throws UncheckedIOException when the directory cannot be read or written
   * @throws IllegalStateException when another outbox has the directory open
   */
  public static Outbox open(Path dir, Clock clock, long maxSegmentBytes) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(clock, "clock");
    if (maxSegmentBytes < 1) {
      throw new IllegalArgumentException("maxSegmentBytes: expected >= 1, got " + maxSegmentBytes);
    }
    try {
      Outbox outbox = new Outbox(dir, clock, maxSegmentBytes);
      outbox.load();
      return outbox;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open outbox " + dir, e);
    }
  }

  /**
   * Reads an outbox directory without locking or repairing it, e.g. while a daemon has it open. A
   * missing directory is an empty outbox.
   *
   * @throws UncheckedIOException when the files cannot be read
   */
  public static OutboxSummary inspect(Path dir) {
    try {
      return OutboxFiles.summarize(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read outbox " + dir, e);
    }
  }

  /**
   * Stores a record durably.
   *
   * @param kind what the bytes are
   * @param bytes the signed report, sent later exactly as given
   * @return the record's id, greater than every id before it
   * @throws UncheckedIOException when it could not be written; nothing was stored then
   */
  public synchronized long append(ReportKind kind, byte[] bytes) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bytes, "bytes");
    long id = lastId + 1;
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    try {
      segments.append(id, kind, at, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to outbox " + dir, e);
    }
    lastId = id;
    pending.put(id, new OutboxRecord(id, kind, bytes, at));
    return id;
  }

  /** The unresolved records, oldest first. */
  public synchronized List<OutboxRecord> pending() {
    return List.copyOf(pending.values());
  }

  /** The oldest unresolved record, if any. */
  public synchronized Optional<OutboxRecord> first() {
    return Optional.ofNullable(pending.firstEntry()).map(Map.Entry::getValue);
  }

  /** At most {@code max} unresolved records, oldest first. */
  public synchronized List<OutboxRecord> oldest(int max) {
    return pending.values().stream().limit(max).toList();
  }

  /** How many records wait for delivery. */
  public synchronized int depth() {
    return pending.size();
  }

  /** The dead letters, oldest first. */
  public synchronized List<DeadLetter> parked() {
    return List.copyOf(parked.values());
  }

  /**
   * Marks a record delivered, durably; it is never returned by {@link #pending} again.
   *
   * @return false when the id is not pending (unknown, already acknowledged or parked)
   * @throws UncheckedIOException when the acknowledgement could not be written
   */
  public boolean acknowledge(long id) {
    return acknowledgeAll(List.of(id)) == 1;
  }

  /**
   * Marks records delivered with one durable write (after a crash during it, the first of them may
   * be acknowledged and the rest still pending); ids that are not pending are skipped.
   *
   * @return how many were pending and are now acknowledged
   * @throws UncheckedIOException when the acknowledgements could not be written; none counts then
   */
  public synchronized int acknowledgeAll(List<Long> ids) {
    List<Long> fresh = ids.stream().distinct().filter(pending::containsKey).toList();
    if (!fresh.isEmpty()) {
      acks.append(fresh.stream().map(id -> OutboxFiles.encodeAck(OutboxFiles.ACK, id)).toList());
      // all are recorded before any resolve may compact, which rewrites the log from this set
      acknowledged.addAll(fresh);
      fresh.forEach(this::resolve);
    }
    return fresh.size();
  }

  /**
   * Gives up on a record for good, keeping it as a dead letter with {@code reason}.
   *
   * @return false when the id is not pending
   * @throws UncheckedIOException when the entry could not be written
   */
  public synchronized boolean park(long id, String reason) {
    Objects.requireNonNull(reason, "reason");
    OutboxRecord record = pending.get(id);
    if (record == null) {
      return false;
    }
    DeadLetter dead =
        new DeadLetter(id, record.kind(), reason, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    acks.append(List.of(OutboxFiles.encodePark(dead)));
    parked.put(id, dead);
    resolve(id);
    return true;
  }

  /** Releases the files and the lock. */
  @Override
  public synchronized void close() {
    segments.close();
    OutboxSegments.closeQuietly(dir, acks.channel());
    lock.release();
  }

  private void load() throws IOException {
    acks = AckLog.open(dir);
    lastId =
        OutboxRecovery.recover(
            dir, acks.channel(), segments.byFirstId(), pending, acknowledged, parked);
    compact(true);
  }

  private void resolve(long id) {
    pending.remove(id);
    if (segments.resolve(id)) {
      try {
        compact(false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot compact outbox " + dir, e);
      }
    }
  }

  /**
   * Deletes fully resolved segments ({@code all}: also the one that takes appends, when the outbox
   * opens), then rewrites the acknowledgement log without the entries of deleted segments. In this
   * order a crash in between leaves only surplus entries, never a resolved record without its
   * entry.
   */
  private void compact(boolean all) throws IOException {
    List<OutboxSegment> done = segments.resolved(all);
    if (done.isEmpty()) {
      return;
    }
    for (OutboxSegment segment : done) {
      segments.delete(segment);
      acknowledged.subSet(segment.firstId, true, segment.lastId, true).clear();
    }
    DurableFiles.syncDirectory(dir);
    List<ByteBuffer> entries = new ArrayList<>();
    entries.add(OutboxFiles.encodeAck(OutboxFiles.MARK, lastId));
    parked.values().forEach(d -> entries.add(OutboxFiles.encodePark(d)));
    acknowledged.forEach(id -> entries.add(OutboxFiles.encodeAck(OutboxFiles.ACK, id)));
    acks.rewrite(entries);
    log.debug("outbox {}: compacted {} segment(s)", dir, done.size());
  }
}
