package org.hexproof.bridge.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hexproof.bridge.files.DurableFiles;

/**
 * The outbox's files and the bodies of their frames (the framing itself is {@link FramedLog}). All
 * integers are big-endian.
 *
 * <ul>
 *   <li>{@code segment-<first id, 20 digits>.log}: one frame per record, body {@code u64 id ‖ u8
 *       kind ‖ i64 appended-at ms ‖ payload}.
 *   <li>{@code acks.log}: one frame per resolution, body {@code u8 type ‖ u64 id} and for PARK
 *       additionally {@code u8 kind ‖ i64 parked-at ms ‖ UTF-8 reason}. Types: 1 ACK, 2 PARK, 3
 *       MARK (the highest id ever assigned, written when the log is compacted so ids are never
 *       reused).
 * </ul>
 */
final class OutboxFiles {
  static final String ACK_LOG = "acks.log";
  static final String LOCK_FILE = "outbox.lock";
  private static final String SEGMENT_PREFIX = "segment-";
  private static final String SEGMENT_SUFFIX = ".log";

  static final int ACK = 1;
  static final int PARK = 2;
  static final int MARK = 3;

  private OutboxFiles() {}

  /** One entry of the acknowledgement log. */
  record AckEntry(int type, long id, Optional<DeadLetter> deadLetter) {}

  static Path segmentPath(Path dir, long firstId) {
    return dir.resolve(
        String.format(Locale.ROOT, "%s%020d%s", SEGMENT_PREFIX, firstId, SEGMENT_SUFFIX));
  }

  /** The segment files in {@code dir}, in id order. */
  static List<Path> segments(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              p -> {
                String name = p.getFileName().toString();
                return name.startsWith(SEGMENT_PREFIX) && name.endsWith(SEGMENT_SUFFIX);
              })
          .sorted()
          .toList();
    }
  }

  static long firstIdOf(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(
        name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length()));
  }

  static ByteBuffer encodeRecord(long id, ReportKind kind, Instant at, byte[] payload) {
    ByteBuffer body = ByteBuffer.allocate(8 + 1 + 8 + payload.length);
    body.putLong(id).put((byte) kind.code()).putLong(at.toEpochMilli()).put(payload).flip();
    return body;
  }

  static OutboxRecord decodeRecord(ByteBuffer body) {
    ByteBuffer b = body.duplicate();
    long id = b.getLong();
    ReportKind kind = ReportKind.fromCode(b.get() & 0xFF);
    Instant at = Instant.ofEpochMilli(b.getLong());
    byte[] payload = new byte[b.remaining()];
    b.get(payload);
    return new OutboxRecord(id, kind, payload, at);
  }

  static ByteBuffer encodeAck(int type, long id) {
    ByteBuffer body = ByteBuffer.allocate(9);
    body.put((byte) type).putLong(id).flip();
    return body;
  }

  static ByteBuffer encodePark(DeadLetter dead) {
    byte[] reason = dead.reason().getBytes(StandardCharsets.UTF_8);
    ByteBuffer body = ByteBuffer.allocate(9 + 1 + 8 + reason.length);
    body.put((byte) PARK)
        .putLong(dead.id())
        .put((byte) dead.kind().code())
        .putLong(dead.parkedAt().toEpochMilli())
        .put(reason)
        .flip();
    return body;
  }

  static AckEntry decodeAck(ByteBuffer body) {
    ByteBuffer b = body.duplicate();
    int type = b.get() & 0xFF;
    long id = b.getLong();
    if (type != PARK) {
      return new AckEntry(type, id, Optional.empty());
    }
    ReportKind kind = ReportKind.fromCode(b.get() & 0xFF);
    Instant at = Instant.ofEpochMilli(b.getLong());
    byte[] reason = new byte[b.remaining()];
    b.get(reason);
    return new AckEntry(
        type,
        id,
        Optional.of(new DeadLetter(id, kind, new String(reason, StandardCharsets.UTF_8), at)));
  }

  /** Counts unresolved records and collects dead letters without writing anything. */
  static OutboxSummary summarize(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new OutboxSummary(0, List.of());
    }
    Set<Long> resolved = new HashSet<>();
    TreeMap<Long, DeadLetter> dead = new TreeMap<>();
    Path ackPath = dir.resolve(ACK_LOG);
    if (Files.exists(ackPath)) {
      try (FileChannel ch = FileChannel.open(ackPath, StandardOpenOption.READ)) {
        for (ByteBuffer body : FramedLog.scan(ch).bodies()) {
          AckEntry entry = decodeAck(body);
          if (entry.type() != MARK) {
            resolved.add(entry.id());
          }
          entry.deadLetter().ifPresent(d -> dead.put(d.id(), d));
        }
      }
    }
    int depth = 0;
    for (Path segment : segments(dir)) {
      try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
        for (ByteBuffer body : FramedLog.scan(ch).bodies()) {
          if (!resolved.contains(decodeRecord(body).id())) {
            depth++;
          }
        }
      }
    }
    return new OutboxSummary(depth, List.copyOf(dead.values()));
  }

  /** Replaces {@code target} with these frames atomically ({@link DurableFiles#replace}). */
  static void replaceAtomically(Path target, List<ByteBuffer> bodies) throws IOException {
    ByteBuffer frames = FramedLog.frameAll(bodies);
    DurableFiles.replace(target, frames.array(), DurableFiles.UMASK_DECIDES);
  }
}
