package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HexDensityCommandIT {
  @TempDir Path dir;

  private Path file(String content) throws IOException {
    Path file = dir.resolve("locations.txt");
    Files.writeString(file, content);
    return file;
  }

  @Test
  void prints_each_distinct_location_once_in_decimal_with_four_decimals() throws IOException {
    // Two hotspots at 631210990515536895 (hex 8c2830d340043ff): res 10 unclipped 2, clipped 1 →
    // 1/2. 631615575095659519 (8c3f304e42e4bff) is far away and alone → 1.
    Path file =
        file(
            "# two hotspots at one location, one alone\n"
                + "631210990515536895\n"
                + "\n"
                + "0x8C2830D340043FF   # the same cell in hex\n"
                + "8c3f304e42e4bff\n");

    CliRun run = CliRun.of("hex-density", "--locations", file.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip())
        .isEqualTo("{\"631210990515536895\":0.5000,\"631615575095659519\":1.0000}");
  }

  @Test
  void an_empty_file_gives_an_empty_object() throws IOException {
    CliRun run = CliRun.of("hex-density", "--locations", file("# nobody\n").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo("{}");
  }

  @Test
  void a_bad_line_exits_2_naming_file_and_line() throws IOException {
    Path file = file("631210990515536895\nnot-a-cell\n");

    CliRun run = CliRun.of("hex-density", "--locations", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errIsOneLine()).as("one line: %s", run.err()).isTrue();
    assertThat(run.err())
        .startsWith("hexproof hex-density: " + file + ":2: expected an H3 cell index")
        .contains("\"not-a-cell\"");
  }

  @Test
  void a_missing_file_exits_2_with_one_line() {
    CliRun run = CliRun.of("hex-density", "--locations", dir.resolve("absent.txt").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errIsOneLine()).isTrue();
    assertThat(run.err()).contains("absent.txt: expected a readable");
  }
}
