package org.hexproof.bridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real directory: durability, reopening, torn tails, compaction. */
class OutboxIT {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<OutboxRecord> records) {
    return records.stream().map(r -> new String(r.bytes(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void reopening_keeps_exactly_the_unacknowledged_records_in_order() {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      long a = outbox.append(ReportKind.BEACON, bytes("a"));
      long b = outbox.append(ReportKind.WITNESS, bytes("b"));
      long c = outbox.append(ReportKind.WITNESS, bytes("c"));
      outbox.append(ReportKind.BEACON, bytes("d"));
      assertThat(List.of(a, b, c)).containsExactly(1L, 2L, 3L);
      assertThat(outbox.acknowledge(b)).isTrue();
      assertThat(outbox.acknowledge(b)).isFalse();
      outbox.acknowledge(a);
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(texts(outbox.pending())).containsExactly("c", "d");
      assertThat(outbox.pending())
          .extracting(OutboxRecord::kind)
          .containsExactly(ReportKind.WITNESS, ReportKind.BEACON);
      assertThat(outbox.depth()).isEqualTo(2);
      assertThat(outbox.append(ReportKind.WITNESS, bytes("e"))).isEqualTo(5);
    }
    assertThat(Outbox.inspect(dir).depth()).isEqualTo(3);
  }

  @Test
  void a_torn_last_record_is_dropped_and_the_rest_kept() throws IOException {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      outbox.append(ReportKind.BEACON, bytes("first"));
      outbox.append(ReportKind.BEACON, bytes("second"));
    }
    Path segment = onlySegment();
    byte[] whole = Files.readAllBytes(segment);
    try (Outbox outbox = Outbox.open(dir, clock)) {
      outbox.append(ReportKind.WITNESS, bytes("third, torn by a crash"));
    }
    byte[] withThird = Files.readAllBytes(segment);
    // The crash left only half of the third record on disk.
    int half = whole.length + (withThird.length - whole.length) / 2;
    Files.write(segment, Arrays.copyOf(withThird, half));

    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(texts(outbox.pending())).containsExactly("first", "second");
      assertThat(Files.size(segment)).isEqualTo(whole.length);
      assertThat(outbox.append(ReportKind.WITNESS, bytes("again"))).isEqualTo(3);
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(texts(outbox.pending())).containsExactly("first", "second", "again");
    }
  }

  @Test
  void a_record_with_a_flipped_byte_is_never_read() throws IOException {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      outbox.append(ReportKind.BEACON, bytes("good"));
      outbox.append(ReportKind.BEACON, bytes("damaged"));
    }
    Path segment = onlySegment();
    byte[] content = Files.readAllBytes(segment);
    content[content.length - 2] ^= 0x40;
    Files.write(segment, content);
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(texts(outbox.pending())).containsExactly("good");
    }
  }

  @Test
  void a_torn_acknowledgement_leaves_the_record_pending() throws IOException {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      outbox.append(ReportKind.BEACON, bytes("a"));
      outbox.append(ReportKind.BEACON, bytes("b"));
      outbox.acknowledge(1);
    }
    try (var channel =
        java.nio.channels.FileChannel.open(dir.resolve("acks.log"), StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - 3);
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(texts(outbox.pending())).containsExactly("a", "b");
    }
  }

  @Test
  void acknowledging_several_at_once_skips_ids_not_pending_and_a_torn_write_keeps_a_prefix()
      throws IOException {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      for (String s : List.of("a", "b", "c", "d", "e")) {
        outbox.append(ReportKind.WITNESS, bytes(s));
      }
      assertThat(outbox.acknowledgeAll(List.of(1L, 2L))).isEqualTo(2);
      assertThat(outbox.acknowledgeAll(List.of(2L, 3L, 3L, 4L, 99L))).isEqualTo(2);
      assertThat(texts(outbox.pending())).containsExactly("e");
    }
    try (var channel =
        java.nio.channels.FileChannel.open(dir.resolve("acks.log"), StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - 3); // the crash tore the second write's last entry
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(texts(outbox.pending())).containsExactly("d", "e");
    }
  }

  @Test
  void parked_records_leave_the_queue_and_stay_listed_across_compaction() {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      outbox.append(ReportKind.WITNESS, bytes("refused"));
      outbox.append(ReportKind.BEACON, bytes("fine"));
      assertThat(outbox.park(1, "400 witness: self_witness")).isTrue();
      assertThat(outbox.park(1, "again")).isFalse();
      outbox.acknowledge(2);
      assertThat(outbox.depth()).isZero();
    }
    assertThat(segments()).hasSize(1); // the open segment, kept for appends until reopened
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(segments()).isEmpty();
      assertThat(outbox.pending()).isEmpty();
      assertThat(outbox.parked())
          .containsExactly(
              new DeadLetter(1, ReportKind.WITNESS, "400 witness: self_witness", clock.instant()));
      assertThat(outbox.append(ReportKind.BEACON, bytes("next"))).isEqualTo(3);
    }
    assertThat(Outbox.inspect(dir).parked()).extracting(DeadLetter::id).containsExactly(1L);
  }

  @Test
  void fully_acknowledged_segments_are_deleted_and_ids_never_reused() {
    try (Outbox outbox = Outbox.open(dir, clock, 64)) {
      for (int i = 0; i < 6; i++) {
        outbox.append(ReportKind.WITNESS, bytes("record number " + i));
      }
      assertThat(segments()).hasSizeGreaterThan(1);
      for (long id = 1; id <= 5; id++) {
        outbox.acknowledge(id);
      }
      assertThat(segments()).hasSize(1);
      outbox.acknowledge(6);
      assertThat(segments()).isEmpty();
    }
    try (Outbox outbox = Outbox.open(dir, clock, 64)) {
      assertThat(outbox.pending()).isEmpty();
      assertThat(outbox.append(ReportKind.BEACON, bytes("x"))).isEqualTo(7);
    }
  }

  @Test
  void an_outbox_that_runs_empty_keeps_appending_to_its_open_segment() throws IOException {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      outbox.append(ReportKind.WITNESS, bytes("first"));
      Path segment = onlySegment();
      outbox.acknowledge(1);
      assertThat(outbox.depth()).isZero();
      assertThat(onlySegment()).isEqualTo(segment);
      outbox.append(ReportKind.BEACON, bytes("second"));
      assertThat(onlySegment()).isEqualTo(segment);
      assertThat(outbox.pending()).extracting(OutboxRecord::id).containsExactly(2L);
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(outbox.pending()).extracting(OutboxRecord::id).containsExactly(2L);
      outbox.acknowledge(2);
    }
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(outbox.pending()).isEmpty();
      assertThat(segments()).isEmpty();
      assertThat(Files.size(dir.resolve(OutboxFiles.ACK_LOG))).isLessThan(64);
    }
  }

  @Test
  void a_second_outbox_on_the_same_directory_is_refused() {
    try (Outbox outbox = Outbox.open(dir, clock)) {
      assertThat(outbox.depth()).isZero();
      assertThatThrownBy(() -> Outbox.open(dir, clock))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("open");
    }
  }

  @Test
  void inspecting_a_missing_directory_is_an_empty_outbox() {
    assertThat(Outbox.inspect(dir.resolve("nothing-here")).depth()).isZero();
  }

  private Path onlySegment() {
    List<Path> all = segments();
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private List<Path> segments() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("segment-")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
