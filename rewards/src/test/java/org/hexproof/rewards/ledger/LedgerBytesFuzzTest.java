package org.hexproof.rewards.ledger;

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
    Fuzzer.run(LedgerFuzzTargets.mintManifest()).requireBothOutcomes();
  }

  @Test
  void reward_leaves_round_trip_or_are_refused_as_malformed_ledger_bytes() {
    Fuzzer.run(LedgerFuzzTargets.rewardLeaf()).requireBothOutcomes();
  }
}
