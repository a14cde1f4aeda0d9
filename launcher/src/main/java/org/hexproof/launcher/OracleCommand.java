package org.hexproof.launcher;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hexproof.bridge.daemon.KeyFiles;
import org.hexproof.core.keys.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hexproof oracle}: runs the PoC oracle (registry, entropy, ingest, verifier, feed) over
 * HTTP until interrupted, then stops the server, the workers and the database cleanly. The oracle
 * key and, without a database URL, the embedded PostgreSQL data live in the data directory. {@code
 * hexproof oracle audit} ({@link OracleAuditCommand}) checks the stored verdicts.
 */
@Command(
    name = "oracle",
    mixinStandardHelpOptions = true,
    description = "Run the PoC oracle over HTTP until Ctrl-C.",
    subcommands = {OracleAuditCommand.class})
final class OracleCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      paramLabel = "PORT",
      description = "HTTP port; default ${DEFAULT-VALUE}")
  int port;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "oracle key and embedded database directory; default ~/.hexproof/oracle")
  Path dataDir;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "PostgreSQL (r2dbc:postgresql://… or postgres://…); default DATABASE_URL, else embedded")
  String databaseUrl;

  @Option(
      names = "--network",
      defaultValue = "mainnet",
      paramLabel = "mainnet|testnet",
      description = "network of hotspot keys; default ${DEFAULT-VALUE}")
  String network;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new BadInputException("--port: expected 0..65535, got " + port);
    }
    Path dir =
        dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".hexproof", "oracle");
    Map<String, Object> properties = new HashMap<>();
    properties.put("micronaut.server.port", port);
    properties.put(
        "hexproof.oracle.key-file",
        prepareKey(dir, Options.network(spec.commandLine(), "--network", network)).toString());
    properties.put("hexproof.oracle.network", network);
    properties.put("hexproof.database.data-directory", dir.resolve("postgres").toString());
    if (databaseUrl != null) {
      properties.put("hexproof.database.url", databaseUrl);
    }
    ApplicationContext context =
        Micronaut.build(new String[0])
            .environments("oracle")
            .properties(properties)
            .banner(false)
            .start();
    String url = context.findBean(EmbeddedServer.class).map(s -> s.getURL().toString()).orElse("?");
    spec.commandLine()
        .getOut()
        .println("{\"oracle\":\"" + url + "\",\"data_directory\":\"" + dir + "\"}");
    spec.commandLine().getOut().flush();
    Foreground.untilStopped(context);
    return 0;
  }

  /**
   * The oracle key file of {@code dir}, created first when missing, crash-safe and once (the
   * hotspot's writer, {@link KeyFiles}: owner-only, forced to disk before it takes its name, never
   * replacing a file another process created first). An existing file is left for the oracle to
   * read and judge.
   */
  static Path prepareKey(Path dir, Network network) {
    Path file = dir.resolve("oracle.key");
    if (!Files.exists(file)) {
      KeyFiles.loadOrCreate(file, network);
    }
    return file;
  }
}
