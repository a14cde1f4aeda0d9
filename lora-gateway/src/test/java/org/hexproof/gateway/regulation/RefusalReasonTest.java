package org.hexproof.gateway.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RefusalReasonTest {
  @Test
  void codes_are_pinned_and_never_reused() {
    Map<RefusalReason, Integer> codes =
        Arrays.stream(RefusalReason.values())
            .collect(Collectors.toMap(r -> r, RefusalReason::code));

    assertThat(codes)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                RefusalReason.DUTY_CYCLE_EXCEEDED, 1,
                RefusalReason.DWELL_TIME_EXCEEDED, 2,
                RefusalReason.OUTSIDE_PLAN, 3,
                RefusalReason.EIRP_EXCEEDED, 4));
    assertThat(codes.values()).doesNotHaveDuplicates();
    assertThat(RefusalReason.values()).allSatisfy(r -> assertThat(r.message()).isNotBlank());
  }
}
