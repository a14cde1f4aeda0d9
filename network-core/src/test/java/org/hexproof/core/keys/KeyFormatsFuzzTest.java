package org.hexproof.core.keys;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.hexproof.core.testing.fuzz.FuzzTarget;
import org.hexproof.core.testing.fuzz.Fuzzer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes base58check keys, key files and H3 cell text ({@link KeyFuzzTargets}): every input is
 * accepted (and round-trips) or refused with the documented exception and a message, none hangs. CI
 * runs 20,000 inputs per parser; {@code -Dhexproof.fuzz.count=1000000} or the benchmarks' {@code
 * ParserFuzz} run a million.
 */
class KeyFormatsFuzzTest {
  @Test
  void base58_keys_are_accepted_and_round_trip_or_rejected_with_malformed_key() {
    Fuzzer.run(KeyFuzzTargets.base58Key()).requireBothOutcomes();
  }

  @Test
  void key_files_are_accepted_as_working_pairs_or_rejected_with_malformed_key() {
    Fuzzer.run(KeyFuzzTargets.keyFile()).requireBothOutcomes();
  }

  @Test
  void h3_cell_text_is_accepted_and_round_trips_or_rejected_with_invalid_cell() {
    Fuzzer.run(KeyFuzzTargets.h3Cell()).requireBothOutcomes();
  }

  @Test
  void a_parser_throwing_an_undocumented_exception_fails_the_run() {
    FuzzTarget npe =
        FuzzTarget.of(
            "npe",
            List.of(new byte[] {1}),
            List.of(MalformedKeyException.class),
            input -> {
              throw new NullPointerException("boom");
            });
    assertThatThrownBy(() -> Fuzzer.run(npe, 10, 1, Fuzzer.PER_INPUT_LIMIT))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("npe: seed 1, input 0")
        .hasMessageContaining("NullPointerException");
  }

  @Test
  void a_parser_that_hangs_fails_the_run_within_the_limit() {
    FuzzTarget hang =
        FuzzTarget.of(
            "hang",
            List.of(new byte[] {1}),
            List.of(MalformedKeyException.class),
            input -> {
              while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
              }
            });
    assertThatThrownBy(() -> Fuzzer.run(hang, 10, 1, Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("hang: seed 1, input 0")
        .hasMessageContaining("still running after 200 ms");
  }
}
