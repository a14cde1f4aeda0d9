package org.hexproof.launcher;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hexproof rewards}: epoch reward tools. Without a subcommand it runs the rewards service,
 * exactly as {@code hexproof rewards serve} (same options).
 */
@Command(
    name = "rewards",
    mixinStandardHelpOptions = true,
    description = {
      "Epoch rewards: the rewards service and tools.",
      "Without a subcommand: run the rewards service, as 'hexproof rewards serve' (same options)."
    },
    subcommands = {RewardsPreviewCommand.class, RewardsCommand.Serve.class})
final class RewardsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ServeOptions options = new ServeOptions();

  @Override
  public Integer call() throws InterruptedException {
    return Serve.serve(spec.commandLine(), options);
  }

  /** The options of the rewards service, shared by {@code rewards} and {@code rewards serve}. */
  static final class ServeOptions {
    @Option(
        names = "--http-port",
        defaultValue = "8082",
        paramLabel = "N",
        description = "HTTP port of /v1/rewards, /health and /prometheus; default 8082")
    int httpPort;

    @Option(
        names = "--oracle-url",
        paramLabel = "URL",
        description = "base URL of the poc-oracle feed; default http://localhost:8080")
    String oracleUrl;

    @Option(
        names = "--oracle-key-file",
        paramLabel = "FILE",
        description = "this instance's oracle key; default ~/.hexproof/oracle.key")
    Path oracleKeyFile;

    @Option(
        names = "--database-url",
        paramLabel = "URL",
        description = "PostgreSQL URL; default $DATABASE_URL, else embedded in ~/.hexproof/rewards")
    String databaseUrl;
  }

  /**
   * {@code hexproof rewards serve}: the rewards service until Ctrl-C. It reads the oracle's
   * verified-PoC feed, closes epochs exactly once into the signed ledger and serves {@code
   * /v1/rewards}, {@code /health} and {@code /prometheus}. Every other setting is a {@code
   * hexproof.rewards.*} key of application-rewards.yml (also settable as environment variables,
   * e.g. {@code HEXPROOF_REWARDS_EPOCH_LENGTH=10m}).
   */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Run the rewards service: feed → epoch close → ledger, HTTP API.")
  static final class Serve implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin ServeOptions options = new ServeOptions();

    @Override
    public Integer call() throws InterruptedException {
      return serve(spec.commandLine(), options);
    }

    /**
     * Runs the service until the JVM shuts down.
     *
     * @param cli the command line whose options were parsed (for errors and output)
     * @param options the parsed options
     * @return the exit code
     */
    static int serve(CommandLine cli, ServeOptions options) throws InterruptedException {
      int httpPort = options.httpPort;
      Options.inRange(cli, "--http-port", httpPort, 0, 65_535);
      ApplicationContext context =
          start(httpPort, options.oracleUrl, options.oracleKeyFile, options.databaseUrl);
      cli.getErr()
          .printf(
              "hexproof rewards: feed from %s, API at http://localhost:%d/v1/rewards; Ctrl-C"
                  + " stops%n",
              context.getProperty("hexproof.rewards.oracle-url", String.class).orElse("?"),
              httpPort);
      cli.getErr().flush();
      Foreground.untilStopped(context);
      return 0;
    }

    /** Starts the rewards service (environment {@code rewards}) without the gateway's beans. */
    static ApplicationContext start(
        int httpPort, String oracleUrl, Path oracleKeyFile, String databaseUrl) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("micronaut.server.port", httpPort);
      properties.put("hexproof.gateway.enabled", false);
      if (oracleUrl != null) {
        properties.put("hexproof.rewards.oracle-url", oracleUrl);
      }
      if (oracleKeyFile != null) {
        properties.put("hexproof.rewards.oracle-key-file", oracleKeyFile.toString());
      }
      if (databaseUrl != null) {
        properties.put("hexproof.database.url", databaseUrl);
      }
      return Micronaut.build(new String[0])
          .banner(false)
          .environments("rewards")
          .properties(properties)
          .start();
    }
  }
}
