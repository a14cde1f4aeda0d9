package org.hexproof.launcher;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hexproof.bridge.daemon.HotspotConfig;
import org.hexproof.bridge.daemon.HotspotDaemon;
import org.hexproof.bridge.daemon.HotspotStatus;
import org.hexproof.core.keys.MalformedKeyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hexproof hotspot --config FILE}: runs the hotspot daemon until Ctrl-C. {@code hexproof
 * hotspot status --config FILE}: prints the hotspot's status JSON from its data directory, without
 * talking to a running daemon. {@code hexproof hotspot reports --config FILE} ({@link
 * HotspotReportsCommand}): the oracle's verdicts on the hotspot's reports.
 */
@Command(
    name = "hotspot",
    mixinStandardHelpOptions = true,
    description = "Run a hotspot (beacon, witness, report to the oracle) until Ctrl-C.",
    subcommands = {HotspotCommand.Status.class, HotspotReportsCommand.class})
final class HotspotCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // Not "required": picocli would then demand it before the status subcommand too.
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "hotspot properties file (see hotspot.example.properties); required")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    if (config == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing required option: '--config=FILE'");
    }
    HotspotConfig loaded = load(config);
    HotspotDaemon daemon =
        new HotspotDaemon(
            loaded, Clock.systemUTC(), new SecureRandom(), HotspotDaemon.Options.defaults());
    daemon.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  daemon.close();
                  stopped.countDown();
                },
                "hexproof-hotspot-shutdown"));
    spec.commandLine()
        .getErr()
        .printf(
            "hexproof hotspot %s: %s, reporting to %s; Ctrl-C stops%n",
            daemon.publicKey().toBase58(),
            daemon
                .forwarderAddress()
                .map(udp -> "concentrator, packet forwarder to UDP " + udp)
                .orElse(loaded.radioType().configName()),
            loaded.oracleUrl());
    spec.commandLine().getErr().flush();
    stopped.await();
    return 0;
  }

  /** {@code hexproof hotspot status}: the status JSON read from the data directory. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Print the hotspot's status (key, last beacon, witnesses, outbox) as JSON.")
  static final class Status implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--config",
        required = true,
        paramLabel = "FILE",
        description = "hotspot properties file")
    Path config;

    @Override
    public Integer call() {
      HotspotConfig loaded = load(config);
      try {
        Json.print(spec.commandLine().getOut(), HotspotStatus.read(loaded).toMap());
      } catch (MalformedKeyException e) {
        throw new BadInputException("key-file " + loaded.keyFile() + ": " + e.getMessage(), e);
      }
      return 0;
    }
  }

  static HotspotConfig load(Path file) {
    try {
      return HotspotConfig.load(file);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--config " + file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new BadInputException("--config: cannot read " + file, e);
    }
  }
}
