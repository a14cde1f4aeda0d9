package org.hexproof.coverage.app;

import org.hexproof.core.testing.fuzz.Fuzzer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the coverage API's value parsing ({@link CoverageFuzzTargets#params}): values are parsed
 * or refused with a {@code BadRequestException} that has a message, nothing else. CI runs 20,000
 * inputs; {@code -Dhexproof.fuzz.count=1000000} or the benchmarks' {@code ParserFuzz} run a
 * million.
 */
class CoverageParamsFuzzTest {
  @Test
  void query_values_are_parsed_or_refused_with_bad_request() {
    Fuzzer.run(CoverageFuzzTargets.params()).requireBothOutcomes();
  }
}
