package org.hexproof.bridge.serial;

import static org.assertj.core.api.Assertions.assertThat;

import org.hexproof.core.testing.fuzz.FuzzReport;
import org.hexproof.core.testing.fuzz.Fuzzer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the serial side ({@link SerialFuzzTargets}): the line framer and every dialect's line
 * parsing take any bytes without an exception or a hang. CI runs 20,000 inputs per parser; {@code
 * -Dhexproof.fuzz.count=1000000} or the benchmarks' {@code ParserFuzz} run a million.
 */
class SerialParsersFuzzTest {
  @Test
  void the_line_framer_gives_the_same_bounded_lines_however_the_bytes_are_chunked() {
    FuzzReport report = Fuzzer.run(SerialFuzzTargets.lineFramer());
    assertThat(report.accepted()).isEqualTo(report.inputs());
  }

  @Test
  void every_dialect_parses_any_line_without_an_exception() {
    FuzzReport report = Fuzzer.run(SerialFuzzTargets.moduleLines());
    assertThat(report.accepted()).isEqualTo(report.inputs());
  }
}
