package org.hexproof.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hexproof keys}: create and inspect hotspot and oracle key files. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Create and inspect Ed25519 key files.",
    subcommands = {})
final class KeysCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "expected a subcommand: new or show");
  }
}
