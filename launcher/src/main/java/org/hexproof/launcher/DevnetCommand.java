package org.hexproof.launcher;

import picocli.CommandLine.Command;

/**
 * {@code hexproof devnet}: the whole network on one machine. It needs the oracle, rewards, gateway
 * and coverage services, which this build does not have yet; it says so and fails rather than
 * pretending to run.
 */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = "Run the whole network on one machine (oracle, rewards, gateway, map, fleet).")
final class DevnetCommand implements Runnable {
  @Override
  public void run() {
    throw new IllegalStateException(
        "this build has the tools only (keys, beacon, airtime, verify, hex-density, rewards preview); the devnet needs the"
            + " poc-oracle, rewards, lora-gateway, coverage-map and field-tests services");
  }
}
