package org.hexproof.poc.app;

import org.hexproof.core.testing.fuzz.Fuzzer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the oracle's parsers ({@link OracleFuzzTargets}): signed bodies and scenarios are accepted
 * or refused with the documented exception and a message, nothing else, none hangs. CI runs 20,000
 * inputs per parser; {@code -Dhexproof.fuzz.count=1000000} or the benchmarks' {@code ParserFuzz}
 * run a million.
 */
class OracleParsersFuzzTest {
  @Test
  void signed_bodies_are_opened_or_refused_with_request_rejected() {
    Fuzzer.run(OracleFuzzTargets.signedBody()).requireBothOutcomes();
  }

  @Test
  void scenarios_give_verdicts_or_a_scenario_exception() {
    Fuzzer.run(OracleFuzzTargets.scenario()).requireBothOutcomes();
  }
}
