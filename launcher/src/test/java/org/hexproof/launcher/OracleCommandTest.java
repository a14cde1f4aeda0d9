package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.hexproof.core.keys.KeyFileFormat;
import org.hexproof.core.keys.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OracleCommandTest {
  @TempDir Path dir;

  @Test
  void creates_the_oracle_key_owner_only_before_the_oracle_reads_it() throws Exception {
    Path data = dir.resolve("oracle");

    Path file = OracleCommand.prepareKey(data, Network.TESTNET);

    assertThat(file).isEqualTo(data.resolve("oracle.key"));
    assertThat(KeyFileFormat.read(Files.readAllBytes(file), Network.TESTNET).network())
        .isEqualTo(Network.TESTNET);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (Stream<Path> left = Files.list(data)) {
      assertThat(left).as("temporary files left").containsExactly(file);
    }
  }

  @Test
  void leaves_an_existing_key_file_to_the_oracle() throws Exception {
    Path file = dir.resolve("oracle.key");
    Files.writeString(file, "not a key");

    assertThat(OracleCommand.prepareKey(dir, Network.MAINNET)).isEqualTo(file);
    assertThat(Files.readString(file)).isEqualTo("not a key");
  }

  @Test
  void refuses_an_unknown_network_before_creating_anything() {
    Path data = dir.resolve("oracle");

    CliRun run = CliRun.of("oracle", "--data-dir", data.toString(), "--network", "moon");

    assertThat(run.exitCode()).isEqualTo(Hexproof.EXIT_USAGE);
    assertThat(run.err()).contains("--network: expected mainnet or testnet, got \"moon\"");
    assertThat(data).doesNotExist();
  }
}
