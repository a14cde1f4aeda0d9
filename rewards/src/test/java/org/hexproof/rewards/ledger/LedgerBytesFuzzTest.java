package org.hexproof.rewards.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.hexproof.core.testing.fuzz.FuzzReport;
import org.hexproof.core.testing.fuzz.Fuzzer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the ledger's stored binary forms ({@link LedgerFuzzTargets}): accepted bytes round-trip,
 * the rest are refused with {@link MalformedLedgerBytesException} and a message. CI runs 20,000
 * inputs per form; {@code -Dhexproof.fuzz.count=1000000} or the benchmarks' {@code ParserFuzz} run
 * a million.
 */
class LedgerBytesFuzzTest {
  @Test
  void mint_manifests_round_trip_or_are_refused_as_malformed_ledger_bytes() {
    FuzzReport report = Fuzzer.run(LedgerFuzzTargets.mintManifest());
    assertThat(report.accepted()).isPositive();
    assertThat(report.rejected()).isPositive();
  }

  @Test
  void reward_leaves_round_trip_or_are_refused_as_malformed_ledger_bytes() {
    FuzzReport report = Fuzzer.run(LedgerFuzzTargets.rewardLeaf());
    assertThat(report.accepted()).isPositive();
    assertThat(report.rejected()).isPositive();
  }
}
