package org.hexproof.launcher;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hexproof.core.testing.fuzz.FuzzTarget;
import org.hexproof.core.testing.fuzz.Fuzzer;
import org.hexproof.poc.density.DensityParameters;
import org.hexproof.poc.density.HexDensity;
import org.hexproof.rewards.payout.EpochPayout;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the input files of {@code hexproof rewards preview --input} and {@code hexproof
 * hex-density --locations} (everything but reading the file): each document gives its result or a
 * {@link BadInputException} naming what was expected (exit status 2), nothing else, and none hangs.
 * CI runs 20,000 inputs per parser; a million:
 *
 * <pre>./mvnw -pl launcher -am verify -Dtest=InputFilesFuzzTest -Dhexproof.fuzz.count=1000000 \
 *   -Dsurefire.failIfNoSpecifiedTests=false -DskipITs</pre>
 */
class InputFilesFuzzTest {
  private static final String PREVIEW =
      "{ \"epoch_emission\": 100000000000000, \"token_decimals\": 8, \"price_usd\": \"3.59\",\n"
          + "  \"hotspots\": [ { \"id\": \"gw1\", \"beacon_shares\": 10.5, \"witness_shares\": 300,"
          + " \"dc_transferred\": 502 },\n"
          + "  { \"id\": \"gw2\", \"beacon_shares\": 0, \"witness_shares\": 1.25,"
          + " \"dc_transferred\": 0 } ] }\n";

  private static final String LOCATIONS =
      "# one line per interactive hotspot\n631615575095659519\n8b3f304e4032fff\n"
          + "631615575095659519\n\n8c3f3a4c2a2b5ff  # hex\n";

  static FuzzTarget rewardsPreview() {
    return FuzzTarget.of(
        "rewards-preview",
        List.of(FuzzTarget.utf8(PREVIEW)),
        List.of(BadInputException.class),
        input -> {
          EpochPayout payout =
              new RewardsPreviewCommand()
                  .payout("fuzz.json", new String(input, StandardCharsets.UTF_8));
          if (payout.unallocated().baseUnits() < 0) {
            throw new AssertionError("negative unallocated amount: " + payout);
          }
        });
  }

  static FuzzTarget hexDensity() {
    return FuzzTarget.of(
        "hex-density",
        List.of(FuzzTarget.utf8(LOCATIONS)),
        List.of(BadInputException.class),
        input ->
            HexDensity.compute(
                HexDensityCommand.cells(
                    "fuzz.txt", new String(input, StandardCharsets.UTF_8).lines().toList()),
                DensityParameters.hip104()));
  }

  @Test
  void a_preview_input_gives_payouts_or_a_bad_input_error() {
    Fuzzer.run(rewardsPreview()).requireBothOutcomes();
  }

  @Test
  void a_locations_file_gives_scales_or_a_bad_input_error() {
    Fuzzer.run(hexDensity()).requireBothOutcomes();
  }
}
