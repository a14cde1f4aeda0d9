package org.hexproof.bridge.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeSet;
import org.hexproof.bridge.outbox.OutboxFiles.AckEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an outbox directory back when it opens: the acknowledgement log first (acknowledged and
 * parked ids), then every segment, cutting off a torn write at the end of any file. The result
 * fills the outbox's indexes.
 */
final class OutboxRecovery {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private OutboxRecovery() {}

  /**
   * Fills the indexes from {@code dir}.
   *
   * @param acks the open acknowledgement log
   * @return the highest record id seen in the log or any segment (0 for none)
   */
  static long recover(
      Path dir,
      FileChannel acks,
      Map<Long, OutboxSegment> segments,
      Map<Long, OutboxRecord> pending,
      TreeSet<Long> acknowledged,
      Map<Long, DeadLetter> parked)
      throws IOException {
    long lastId = 0;
    TreeSet<Long> resolved = new TreeSet<>();
    for (ByteBuffer body : repair(acks, dir.resolve(OutboxFiles.ACK_LOG)).bodies()) {
      AckEntry entry = OutboxFiles.decodeAck(body);
      lastId = Math.max(lastId, entry.id());
      if (entry.type() == OutboxFiles.ACK) {
        resolved.add(entry.id());
      }
      entry.deadLetter().ifPresent(d -> parked.put(d.id(), d));
    }
    resolved.addAll(parked.keySet());
    for (Path path : OutboxFiles.segments(dir)) {
      OutboxSegment segment = new OutboxSegment(OutboxFiles.firstIdOf(path), path);
      try (FileChannel ch =
          FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        FramedLog.Scan scan = repair(ch, path);
        segment.bytes = scan.validBytes();
        for (ByteBuffer body : scan.bodies()) {
          OutboxRecord record = OutboxFiles.decodeRecord(body);
          segment.lastId = record.id();
          lastId = Math.max(lastId, record.id());
          if (resolved.contains(record.id())) {
            if (!parked.containsKey(record.id())) {
              acknowledged.add(record.id());
            }
          } else {
            pending.put(record.id(), record);
            segment.unresolved++;
          }
        }
      }
      segments.put(segment.firstId, segment);
    }
    return lastId;
  }

  private static FramedLog.Scan repair(FileChannel channel, Path path) throws IOException {
    FramedLog.Scan scan = FramedLog.scan(channel);
    if (scan.torn()) {
      log.warn(
          "outbox {}: dropping {} bytes of a torn write at offset {}",
          path.getFileName(),
          scan.fileBytes() - scan.validBytes(),
          scan.validBytes());
      channel.truncate(scan.validBytes());
      channel.force(true);
    }
    return scan;
  }
}
