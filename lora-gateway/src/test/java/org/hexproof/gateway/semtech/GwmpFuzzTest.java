package org.hexproof.gateway.semtech;

import java.util.Random;
import org.hexproof.core.testing.fuzz.FuzzReport;
import org.hexproof.core.testing.fuzz.Fuzzer;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated datagrams to {@link GwmpCodec#decode} through network-core's {@link
 * Fuzzer} ({@link GwmpFuzzTargets#codec}): each either decodes (and round-trips) or is refused with
 * {@link MalformedDatagramException}, nothing else, and none hangs.
 *
 * <p>Mutations start from the valid vectors (radio.md §1.1 and §1.3): bit flips, random bytes,
 * truncations, insertions of random, JSON-syntax or hostile tokens, deletions and duplicated
 * ranges. CI runs 20,000 datagrams; the benchmark profile runs a million (the benchmarks' {@code
 * ParserFuzz}, or {@code -Dgwmp.fuzz.count=1000000} or {@code -Dhexproof.fuzz.count=1000000} here).
 * The seed is random unless {@code -Dgwmp.fuzz.seed=N} or {@code -Dhexproof.fuzz.seed=N} is given,
 * and every failure message starts with it.
 */
class GwmpFuzzTest {
  @Test
  void decode_returns_a_packet_or_throws_malformed_datagram_exception_and_nothing_else() {
    // the properties this test had before the shared engine keep working (benchmarks/RESULTS.md)
    long count =
        Long.getLong("gwmp.fuzz.count", Long.getLong(Fuzzer.COUNT_PROPERTY, Fuzzer.CI_COUNT));
    Long fixed = Long.getLong("gwmp.fuzz.seed", Long.getLong(Fuzzer.SEED_PROPERTY));
    long seed = fixed != null ? fixed : new Random().nextLong();
    FuzzReport report = Fuzzer.run(GwmpFuzzTargets.codec(), count, seed, Fuzzer.PER_INPUT_LIMIT);
    System.out.println("fuzz " + report.line());
    report.requireBothOutcomes();
  }
}
