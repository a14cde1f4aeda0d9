package org.hexproof.launcher;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hexproof.core.beacon.Beacon;
import org.hexproof.core.beacon.BeaconGenerator;
import org.hexproof.core.beacon.Entropy;
import org.hexproof.core.radio.Region;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hexproof beacon}: the beacon a hotspot builds from oracle and local entropy. */
@Command(
    name = "beacon",
    mixinStandardHelpOptions = true,
    description = "Build the beacon for a remote (oracle) and a local entropy, as hotspots do.")
final class BeaconCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--remote-entropy",
      required = true,
      paramLabel = "HEX",
      description = "the oracle entropy's data")
  String remoteEntropy;

  @Option(
      names = "--entropy-timestamp",
      required = true,
      paramLabel = "SECONDS",
      description = "the oracle entropy's unix timestamp in seconds")
  long entropyTimestamp;

  @Option(
      names = "--entropy-version",
      defaultValue = "0",
      paramLabel = "0|1",
      description = "the oracle entropy's version; default 0")
  int entropyVersion;

  @Option(
      names = "--local-entropy",
      required = true,
      paramLabel = "HEX",
      description = "the hotspot's 4 random bytes")
  String localEntropy;

  @Option(
      names = "--region",
      required = true,
      paramLabel = "NAME",
      description = "EU868, US915, AU915, AS923-1..4 or WIFI-2G4")
  String region;

  @Override
  public void run() {
    CommandLine cli = spec.commandLine();
    byte[] remote = Options.hex(cli, "--remote-entropy", remoteEntropy);
    byte[] local = Options.hex(cli, "--local-entropy", localEntropy);
    if (local.length != Entropy.LOCAL_ENTROPY_BYTES) {
      throw Options.bad(cli, "--local-entropy", "4 bytes (8 hex digits)", localEntropy);
    }
    if (entropyTimestamp < 0) {
      throw Options.bad(cli, "--entropy-timestamp", "unix seconds >= 0", entropyTimestamp);
    }
    Options.inRange(cli, "--entropy-version", entropyVersion, 0, 1);
    Region plan;
    try {
      plan = Region.parse(region);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          cli, "--region: " + e.getMessage().replaceFirst("^region: ", ""));
    }

    Beacon beacon =
        BeaconGenerator.generate(
            new Entropy(remote, entropyTimestamp, entropyVersion),
            Entropy.local(local),
            plan.plan());

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("payload_hex", HexFormat.of().formatHex(beacon.data()));
    result.put("frequency_hz", beacon.frequencyHz());
    result.put("datarate", beacon.dataRate().name());
    Json.print(cli.getOut(), result);
  }
}
