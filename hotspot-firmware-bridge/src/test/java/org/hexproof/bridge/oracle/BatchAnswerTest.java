package org.hexproof.bridge.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The batch body's framing and the reading of the oracle's per-report results. */
class BatchAnswerTest {
  private static final String REQUEST = "POST /v1/reports/witness/batch";

  @Test
  void reads_one_outcome_per_report_in_order() {
    String body =
        "{\"results\":["
            + "{\"status\":202,\"report_id\":\"r1\",\"received_at\":\"2026-11-25T12:00:00.000Z\"},"
            + "{\"status\":403,\"detail\":\"hotspot x is not onboarded\"},"
            + "{\"status\":401,\"detail\":\"bad signature\"},"
            + "{\"status\":429,\"detail\":\"slow down\"},"
            + "{\"status\":503,\"detail\":\"busy\"}]}";
    BatchOutcome outcome = BatchAnswer.read(REQUEST, body, 5);
    assertThat(outcome).isInstanceOf(BatchOutcome.Answered.class);
    List<OracleOutcome> results = ((BatchOutcome.Answered) outcome).results();
    assertThat(results.get(0)).isEqualTo(new OracleOutcome.Accepted(202, Optional.of("r1")));
    assertThat(results.get(1))
        .isEqualTo(new OracleOutcome.Rejected(403, "hotspot x is not onboarded"));
    assertThat(results.get(2)).isEqualTo(new OracleOutcome.Rejected(401, "bad signature"));
    assertThat(results.get(3)).isInstanceOf(OracleOutcome.Unavailable.class);
    assertThat(results.get(4)).isInstanceOf(OracleOutcome.Unavailable.class);
    assertThat(((OracleOutcome.Unavailable) results.get(4)).reason()).contains("503 busy");
  }

  @Test
  void an_answer_that_is_not_one_result_per_report_is_a_retry() {
    assertThat(BatchAnswer.read(REQUEST, "{\"results\":[{\"status\":202}]}", 2))
        .isEqualTo(new BatchOutcome.Unavailable(REQUEST + ": expected 2 results, got 1 results"));
    assertThat(BatchAnswer.read(REQUEST, "{}", 2))
        .isEqualTo(
            new BatchOutcome.Unavailable(REQUEST + ": expected 2 results, got no results array"));
    assertThat(BatchAnswer.read(REQUEST, "<html>proxy error</html>", 2))
        .isInstanceOf(BatchOutcome.Unavailable.class);
  }

  @Test
  void the_body_is_each_report_after_its_varint_length() throws IOException {
    byte[] small = "abc".getBytes(StandardCharsets.UTF_8);
    byte[] large = new byte[300]; // a two-byte varint length
    Arrays.fill(large, (byte) 7);
    byte[] body = DelimitedReports.encode(List.of(small, large));
    assertThat(body).hasSize(1 + 3 + 2 + 300);
    CodedInputStream in = CodedInputStream.newInstance(body);
    List<byte[]> read = new ArrayList<>();
    while (!in.isAtEnd()) {
      read.add(in.readRawBytes(in.readRawVarint32()));
    }
    assertThat(read).containsExactly(small, large);
  }

  @Test
  void an_empty_report_or_no_reports_cannot_be_framed() {
    assertThatThrownBy(() -> DelimitedReports.encode(List.of(new byte[1], new byte[0])))
        .hasMessageContaining("expected non-empty reports");
    assertThatThrownBy(() -> DelimitedReports.encode(List.of()))
        .hasMessageContaining("expected at least one report");
  }
}
