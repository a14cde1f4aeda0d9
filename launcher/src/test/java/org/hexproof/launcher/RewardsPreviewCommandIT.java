package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RewardsPreviewCommandIT {
  @TempDir Path dir;

  private Path file(String json) throws IOException {
    Path file = dir.resolve("epoch.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void prints_payouts_by_id_and_leaves_out_hotspots_that_earn_nothing() throws IOException {
    // Worked by hand in PayoutCalculatorTest.pays_a_hand_computed_epoch.
    Path file =
        file(
            "{\"epoch_emission\": 1000000000, \"token_decimals\": 8, \"price_usd\": \"1\","
                + " \"hotspots\": ["
                + "{\"id\": \"b\", \"beacon_shares\": 2, \"witness_shares\": 1, \"dc_transferred\": 0},"
                + "{\"id\": \"c\", \"beacon_shares\": 0, \"witness_shares\": 0.0, \"dc_transferred\": 0},"
                + "{\"id\": \"a\", \"beacon_shares\": 1.0, \"witness_shares\": 3, \"dc_transferred\": 100}"
                + "]}");

    CliRun run = CliRun.of("rewards", "preview", "--input", file.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip())
        .isEqualTo(
            "{\"hotspots\":["
                + "{\"id\":\"a\",\"beacon_amount\":53326666,\"witness_amount\":479940000,"
                + "\"dc_transfer_amount\":100000},"
                + "{\"id\":\"b\",\"beacon_amount\":106653333,\"witness_amount\":159980000,"
                + "\"dc_transfer_amount\":0}],"
                + "\"unallocated\":1,\"operations_amount\":70000000,\"oracles_amount\":70000000}");
  }

  @Test
  void reads_the_design_example() throws IOException {
    Path file =
        file(
            "{ \"epoch_emission\": 100000000000000, \"token_decimals\": 8, \"price_usd\": \"3.59\","
                + " \"hotspots\": [ { \"id\": \"gw1\", \"beacon_shares\": 10.5,"
                + " \"witness_shares\": 300, \"dc_transferred\": 502 } ] }");

    CliRun run = CliRun.of("rewards", "preview", "--input", file.toString());

    // One base unit is $3.59e-8; 502 DC = $0.00502 → 139,832.869080779944290 units (ceiling at
    // 15 dp) < the 5e13 budget. unused = 5e13 − that = 49,999,999,860,167.130919220055710.
    // beacon pool 6e12 + 20 % unused = 15,999,999,972,033.43 → gw1 (all shares) 15,999,999,972,033;
    // witness 24e12 + 80 % unused = 63,999,999,888,133.70 → 63,999,999,888,133; DC 139,832.
    // unallocated = 8e13 − 79,999,999,999,998 = 2; operations = oracles = 7e12.
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip())
        .isEqualTo(
            "{\"hotspots\":[{\"id\":\"gw1\",\"beacon_amount\":15999999972033,"
                + "\"witness_amount\":63999999888133,\"dc_transfer_amount\":139832}],"
                + "\"unallocated\":2,\"operations_amount\":7000000000000,"
                + "\"oracles_amount\":7000000000000}");
  }

  static Stream<Arguments> bad_inputs() {
    String ok = "\"epoch_emission\": 1000, \"token_decimals\": 8, \"price_usd\": \"3.59\"";
    String hotspot = "\"id\": \"a\", \"beacon_shares\": 1, \"witness_shares\": 1, ";
    return Stream.of(
        Arguments.of("{" + ok + "}", "hotspots: missing"),
        Arguments.of(
            "{\"epoch_emission\": -1, \"token_decimals\": 8, \"price_usd\": \"1\", \"hotspots\": []}",
            "epoch_emission: expected a whole number"),
        Arguments.of(
            "{\"epoch_emission\": 1.5, \"token_decimals\": 8, \"price_usd\": \"1\", \"hotspots\": []}",
            "epoch_emission: expected a whole number"),
        Arguments.of(
            "{\"epoch_emission\": 1, \"token_decimals\": 19, \"price_usd\": \"1\", \"hotspots\": []}",
            "token_decimals: expected a whole number in 0..18, got 19"),
        Arguments.of(
            "{\"epoch_emission\": 1, \"token_decimals\": 8, \"price_usd\": \"abc\", \"hotspots\": []}",
            "price_usd: expected a positive decimal string"),
        Arguments.of(
            "{\"epoch_emission\": 1, \"token_decimals\": 8, \"price_usd\": \"0\", \"hotspots\": []}",
            "price_usd: expected a positive decimal string"),
        Arguments.of("{" + ok + ", \"hotspots\": {}}", "hotspots: expected an array"),
        Arguments.of(
            "{" + ok + ", \"hotspots\": [{" + hotspot + "\"dc_transferred\": 2.5}]}",
            "hotspots[0].dc_transferred: expected a whole number"),
        Arguments.of(
            "{"
                + ok
                + ", \"hotspots\": [{\"id\": \"a\", \"beacon_shares\": \"x\","
                + " \"witness_shares\": 1, \"dc_transferred\": 0}]}",
            "hotspots[0].beacon_shares: expected a non-negative decimal number, got \"x\""),
        Arguments.of(
            "{" + ok + ", \"hotspots\": [{" + hotspot + "\"dc_transferred\": 0, \"extra\": 1}]}",
            "hotspots[0].extra: unknown field"),
        Arguments.of(
            "{"
                + ok
                + ", \"hotspots\": [{"
                + hotspot
                + "\"dc_transferred\": 0}, {"
                + hotspot
                + "\"dc_transferred\": 0}]}",
            "hotspots[1].id: expected an id not used by an earlier hotspot"),
        Arguments.of("{" + ok + ", \"hotspots\": [}", "expected a JSON document at line 1"),
        // found by InputFilesFuzzTest: an exponent too large for BigDecimal escaped as a
        // NumberFormatException (exit 1 with a stack trace) instead of a bad-input error
        Arguments.of(
            "{\"epoch_emission\": 1e999000000000000, \"token_decimals\": 8}",
            "expected a JSON document with numbers in range"));
  }

  @ParameterizedTest
  @MethodSource("bad_inputs")
  void bad_input_exits_2_with_one_line_naming_the_field(String json, String expected)
      throws IOException {
    Path file = file(json);

    CliRun run = CliRun.of("rewards", "preview", "--input", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errIsOneLine()).as("one line: %s", run.err()).isTrue();
    assertThat(run.err()).startsWith("hexproof rewards preview: " + file + ": ").contains(expected);
  }
}
