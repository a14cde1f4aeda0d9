package org.hexproof.launcher;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hexproof coverage}: the coverage map service (feed consumer, API, tiles, web map) until
 * Ctrl-C. Its PostgreSQL is embedded with data under {@code ~/.hexproof/coverage/db} unless {@code
 * DATABASE_URL} points at a server.
 */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description = "Run the coverage map: consumes the oracle's verified-PoC feed, serves the map.")
final class CoverageCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--oracle-url",
      defaultValue = "http://localhost:8081",
      paramLabel = "URL",
      description =
          "base URL of the poc-oracle whose /v1/poc/feed is read; default ${DEFAULT-VALUE}")
  String oracleUrl;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      paramLabel = "N",
      description = "HTTP port of the map (/), /v1/coverage/*, /tiles, /health; default 8080")
  int httpPort;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "embedded PostgreSQL data directory; default ~/.hexproof/coverage/db")
  Path dataDir;

  @Override
  public Integer call() throws InterruptedException {
    CommandLine cli = spec.commandLine();
    Options.inRange(cli, "--http-port", httpPort, 0, 65_535);
    URI oracle;
    try {
      oracle = URI.create(oracleUrl);
    } catch (IllegalArgumentException e) {
      throw Options.bad(cli, "--oracle-url", "an http(s) URL", oracleUrl);
    }
    if (!("http".equals(oracle.getScheme()) || "https".equals(oracle.getScheme()))
        || oracle.getHost() == null) {
      throw Options.bad(cli, "--oracle-url", "an http(s) URL", oracleUrl);
    }
    Path data =
        dataDir != null
            ? dataDir
            : Paths.get(System.getProperty("user.home"), ".hexproof", "coverage", "db");
    ApplicationContext context = start(oracleUrl, httpPort, data);
    cli.getErr()
        .printf(
            "hexproof coverage: map at http://localhost:%d/, feed from %s, data in %s;"
                + " Ctrl-C stops%n",
            httpPort, oracleUrl, data);
    cli.getErr().flush();
    Foreground.untilStopped(context);
    return 0;
  }

  /**
   * Starts the coverage service: schema migrated, model rebuilt from storage, feed thread running,
   * HTTP server listening. The gateway's beans, also in this jar, stay off.
   */
  static ApplicationContext start(String oracleUrl, int httpPort, Path dataDirectory) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("hexproof.coverage.oracle-url", oracleUrl);
    properties.put("hexproof.database.data-directory", dataDirectory.toString());
    properties.put("hexproof.gateway.enabled", false);
    properties.put("micronaut.server.port", httpPort);
    return Micronaut.build(new String[0])
        .banner(false)
        .environments("coverage")
        .properties(properties)
        .start();
  }
}
