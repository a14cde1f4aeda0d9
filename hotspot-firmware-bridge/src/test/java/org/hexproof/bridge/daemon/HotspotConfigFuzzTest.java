package org.hexproof.bridge.daemon;

import org.hexproof.core.testing.fuzz.Fuzzer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the hotspot config file ({@link DaemonFuzzTargets#hotspotConfig}): a config is accepted or
 * refused with an {@link IllegalArgumentException} that has a message, never anything else. CI runs
 * 20,000 inputs; {@code -Dhexproof.fuzz.count=1000000} or the benchmarks' {@code ParserFuzz} run a
 * million.
 */
class HotspotConfigFuzzTest {
  @Test
  void a_config_file_is_accepted_or_refused_with_illegal_argument() {
    Fuzzer.run(DaemonFuzzTargets.hotspotConfig()).requireBothOutcomes();
  }
}
