package org.hexproof.bridge.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hexproof.bridge.outbox.OutboxRecord;
import org.hexproof.bridge.outbox.ReportKind;
import org.junit.jupiter.api.Test;

class ReportTimesTest {
  @Test
  void quantiles_are_the_upper_bounds_of_the_buckets_that_hold_them() {
    ReportTimes times = new ReportTimes();
    assertThat(times.quantileMillis(ReportTimes.Stage.SENDING, 0.5)).isEqualTo(-1);
    for (int ms = 1; ms <= 100; ms++) {
      times.record(ReportTimes.Stage.SENDING, Duration.ofMillis(ms));
    }
    times.record(ReportTimes.Stage.SENDING, Duration.ofMillis(1_234)); // 10 ms bucket
    times.record(ReportTimes.Stage.SENDING, Duration.ofMillis(-5)); // counts as zero
    assertThat(times.count(ReportTimes.Stage.SENDING)).isEqualTo(102);
    assertThat(times.count(ReportTimes.Stage.BEACON_ON_AIR)).isZero();
    assertThat(times.quantileMillis(ReportTimes.Stage.SENDING, 0.0)).isZero();
    assertThat(times.quantileMillis(ReportTimes.Stage.SENDING, 0.5)).isEqualTo(50);
    assertThat(times.quantileMillis(ReportTimes.Stage.SENDING, 1.0)).isEqualTo(1_239);
  }

  @Test
  void buckets_cover_every_time_and_their_bounds_contain_their_values() {
    for (long ms : new long[] {0, 999, 1_000, 1_009, 1_010, 9_999, 10_000, 99_999}) {
      assertThat(ReportTimes.upperBound(ReportTimes.bucket(ms))).isBetween(ms, ms + 99);
    }
    assertThat(ReportTimes.upperBound(ReportTimes.bucket(100_000))).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void the_listener_splits_a_delivery_into_queueing_and_sending_and_counts_failures() {
    ReportTimes times = new ReportTimes();
    Instant appended = Instant.parse("2026-11-25T10:00:00Z");
    OutboxRecord record = new OutboxRecord(1, ReportKind.WITNESS, new byte[] {1}, appended);
    times.listener().failed(record, "POST /v1/reports/witness: 503 busy 12");
    times.listener().failed(record, "POST /v1/reports/witness: 503 busy 7");
    times.listener().delivered(record, appended.plusMillis(300), appended.plusMillis(340));
    assertThat(times.quantileMillis(ReportTimes.Stage.QUEUED_FOR_SENDING, 1.0)).isEqualTo(300);
    assertThat(times.quantileMillis(ReportTimes.Stage.SENDING, 1.0)).isEqualTo(40);
    assertThat(times.quantileMillis(ReportTimes.Stage.APPEND_TO_ACCEPTED, 1.0)).isEqualTo(340);
    assertThat(times.failures())
        .containsExactly(java.util.Map.entry("POST /v#/reports/witness: # busy #", 2L));
  }
}
