package org.hexproof.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.hexproof.poc.replay.ScenarioException;
import org.hexproof.poc.replay.ScenarioReplay;
import org.hexproof.poc.verify.UnverifiableBeaconException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hexproof verify}: the verdicts for one beacon and its witnesses from a scenario file. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify one beacon and its witnesses from a scenario file (DESIGN.md format).")
final class VerifyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "FILE",
      description = "scenario JSON: hotspots, entropy, beacon, witnesses")
  Path scenario;

  @Override
  public void run() {
    String json;
    try {
      json = Files.readString(scenario, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException("--scenario: no such file: " + scenario, e);
    } catch (IOException e) {
      throw new BadInputException("--scenario: cannot read " + scenario + ": " + e.getMessage(), e);
    }
    String output;
    try {
      output = ScenarioReplay.replay(json);
    } catch (ScenarioException e) {
      throw new BadInputException(scenario + ": " + e.getMessage(), e);
    } catch (UnverifiableBeaconException e) {
      // in a replay the scenario is the oracle's configuration, so this is the file's fault
      throw new BadInputException(scenario + ": cannot verify: " + e.getMessage(), e);
    }
    spec.commandLine().getOut().println(output);
  }
}
