package org.hexproof.fieldtests.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hexproof.fieldtests.fleet.Cheat;
import org.hexproof.fieldtests.fleet.FleetPlan;
import org.hexproof.fieldtests.fleet.HotspotPlan;

/**
 * The devnet's side of a plan's adversaries (field-tests README, "Adversaries"): the replayers'
 * frozen local entropy and their need of the relay, which serves them their first entropy forever,
 * and the operator's denied edges. The other cheats are in the plan's sites and in what the
 * hotspots assert and report.
 */
final class Adversaries {
  private Adversaries() {}

  /**
   * Refuses a plan with a beacon replayer when the oracle traffic does not go through the relay.
   *
   * @throws IllegalArgumentException when the plan replays beacons without the relay
   */
  static void requireRelayForReplays(FleetPlan plan, boolean relay) {
    boolean replays = plan.hotspots().stream().anyMatch(h -> h.cheats(Cheat.REPLAYED_BEACONS));
    if (replays && !relay) {
      throw new IllegalArgumentException("a plan with a beacon replayer needs the relay");
    }
  }

  /** Names of the plan's hotspots that replay their beacons. */
  static Set<String> replayers(FleetPlan plan) {
    return plan.hotspots().stream()
        .filter(h -> h.cheats(Cheat.REPLAYED_BEACONS))
        .map(HotspotPlan::name)
        .collect(Collectors.toSet());
  }

  /** The random source of hotspot {@code h}'s daemon: frozen local entropy for a replayer. */
  static Random randomFor(HotspotPlan h) {
    return h.cheats(Cheat.REPLAYED_BEACONS) ? new FrozenLocalEntropy() : new SecureRandom();
  }

  /**
   * Denies every edge of the plan as the operator does, {@code PUT /v1/denylist/edges/{a}/{b}} on
   * the oracle at {@code url}, with the hotspots' keys from {@code keyOf} (by name).
   *
   * @throws IllegalStateException when the oracle does not answer 204
   * @throws UncheckedIOException when the request fails
   */
  static void denyEdges(
      FleetPlan plan, URI url, String operatorToken, Function<String, String> keyOf) {
    DevnetStatus http = new DevnetStatus(url);
    for (List<String> edge : plan.deniedEdges()) {
      String a = keyOf.apply(edge.get(0));
      String b = keyOf.apply(edge.get(1));
      try {
        int status = http.put("v1/denylist/edges/" + a + "/" + b, operatorToken);
        if (status != 204) {
          throw new IllegalStateException("denying the edge " + edge + ": HTTP " + status);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("denying the edge " + edge, e);
      }
    }
  }

  /**
   * A replaying hotspot's random source: its "local entropy" is always the same four bytes, so with
   * the entropy it keeps it sends the very same beacon again. Other draws are ordinary.
   */
  private static final class FrozenLocalEntropy extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public void nextBytes(byte[] bytes) {
      java.util.Arrays.fill(bytes, (byte) 0x5A);
    }
  }
}
