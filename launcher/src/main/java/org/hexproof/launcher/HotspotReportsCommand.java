package org.hexproof.launcher;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hexproof.bridge.daemon.HotspotConfig;
import org.hexproof.bridge.daemon.KeyFiles;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.PublicKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hexproof hotspot reports --config FILE}: what the hotspot sent and how the oracle judged
 * each report, newest first ({@code GET /v1/hotspots/{key}/reports} of the configured oracle),
 * printed as the oracle's JSON page; its {@code next} cursor goes to {@code --before} for the page
 * after it.
 */
@Command(
    name = "reports",
    mixinStandardHelpOptions = true,
    description =
        "Print the hotspot's reports and the oracle's verdicts (newest first) as JSON, a page at"
            + " a time.")
final class HotspotReportsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "hotspot properties file")
  Path config;

  @Option(
      names = "--limit",
      defaultValue = "50",
      paramLabel = "N",
      description = "reports per page, 1..500; default ${DEFAULT-VALUE}")
  int limit;

  @Option(
      names = "--before",
      paramLabel = "CURSOR",
      description = "the \"next\" cursor of the previous page")
  String before;

  @Override
  public Integer call() throws InterruptedException {
    HotspotConfig loaded = HotspotCommand.load(config);
    PublicKey key;
    try {
      key =
          KeyFiles.publicKeyIn(loaded.keyFile(), loaded.network())
              .orElseThrow(
                  () ->
                      new BadInputException(
                          "key-file "
                              + loaded.keyFile()
                              + ": no key yet; the hotspot creates it when it first starts"));
    } catch (MalformedKeyException e) {
      throw new BadInputException("key-file " + loaded.keyFile() + ": " + e.getMessage(), e);
    }
    ServiceClient oracle =
        new ServiceClient(
            "the oracle",
            "check oracle.url in " + config,
            "oracle.url in " + config,
            loaded.oracleUrl().toString());
    String path = "/v1/hotspots/" + key.toBase58() + "/reports?limit=" + limit;
    if (before != null) {
      path += "&before=" + URLEncoder.encode(before, StandardCharsets.UTF_8);
    }
    Json.print(spec.commandLine().getOut(), oracle.get(path));
    return 0;
  }
}
