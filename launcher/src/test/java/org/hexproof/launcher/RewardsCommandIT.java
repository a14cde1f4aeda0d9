package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hexproof.support.db.ConnectionPools;
import org.hexproof.support.db.DatabaseUrl;
import org.hexproof.support.db.EmbeddedDatabase;
import org.hexproof.support.db.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hexproof rewards} without a subcommand runs the service, as {@code rewards serve}. */
class RewardsCommandIT {
  @TempDir Path dir;

  /** The message after "hexproof rewards[ serve]: ". */
  private static String message(CliRun run) {
    String err = run.err().strip();
    return err.substring(err.indexOf(": ") + 2);
  }

  @Test
  void without_a_subcommand_it_takes_the_serve_options_and_checks_them_alike() {
    CliRun bare = CliRun.of("rewards", "--http-port", "70000");
    CliRun serve = CliRun.of("rewards", "serve", "--http-port", "70000");

    assertThat(bare.exitCode()).isEqualTo(serve.exitCode()).isEqualTo(2);
    assertThat(bare.err()).startsWith("hexproof rewards: ");
    assertThat(message(bare)).isEqualTo(message(serve)).contains("--http-port");
  }

  @Test
  void without_a_subcommand_it_starts_the_rewards_service() {
    EmbeddedDatabase server = EmbeddedDatabase.start(Optional.empty());
    try {
      ConnectionPool admin = ConnectionPools.open(server.url(), 1, Duration.ofSeconds(20));
      try {
        new Sql(admin, Duration.ofSeconds(20)).update("CREATE DATABASE rewards_cli");
      } finally {
        admin.dispose();
      }
      DatabaseUrl base = server.url();
      String url =
          new DatabaseUrl(base.host(), base.port(), "rewards_cli", base.user(), null, Map.of())
              .redacted();
      String missingKey = dir.resolve("no-such-oracle.key").toString();
      String[] options = {
        "--http-port", "0", "--database-url", url, "--oracle-key-file", missingKey
      };

      // The service starts (migrates the schema) and stops at the missing oracle key, exactly
      // as 'rewards serve' does: proof that the bare command ran the service, without leaving a
      // running one behind.
      CliRun bare = CliRun.of(concat("rewards", options));
      CliRun serve = CliRun.of(concat("rewards serve", options));

      assertThat(bare.exitCode()).isEqualTo(serve.exitCode()).isEqualTo(1);
      assertThat(bare.err()).startsWith("hexproof rewards: ");
      assertThat(bare.err()).contains("no-such-oracle.key").contains("hexproof keys new");
      assertThat(serve.err()).startsWith("hexproof rewards serve: ");
      assertThat(message(bare)).isEqualTo(message(serve));
    } finally {
      server.close();
    }
  }

  @Test
  void preview_is_still_a_subcommand_and_help_names_both() {
    CliRun help = CliRun.of("rewards", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("preview").contains("serve").contains("Without a subcommand");
    CliRun preview = CliRun.of("rewards", "preview");
    assertThat(preview.exitCode()).isEqualTo(2);
    assertThat(preview.err()).startsWith("hexproof rewards preview: ").contains("--input");
  }

  private static String[] concat(String command, String[] options) {
    String[] words = command.split(" ");
    String[] all = new String[words.length + options.length];
    System.arraycopy(words, 0, all, 0, words.length);
    System.arraycopy(options, 0, all, words.length, options.length);
    return all;
  }
}
