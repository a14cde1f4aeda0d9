package org.hexproof.poc.verify;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one PoC verification reads, gathered by the caller.
 *
 * @param entropy the oracle entropy the beacon references
 * @param beacon the beacon report
 * @param witnesses the witness reports joined to it, any order (the verifier orders them by receive
 *     time, keeping input order for equal times)
 * @param hotspots the registry, by hotspot id; a report from an id not here is from an unknown
 *     gateway
 * @param deniedEdges denylisted hotspot pairs
 */
public record PocInput(
    OracleEntropy entropy,
    BeaconReport beacon,
    List<WitnessReport> witnesses,
    Map<String, HotspotInfo> hotspots,
    Set<DeniedEdge> deniedEdges) {

  /** Validates and copies. */
  public PocInput {
    Objects.requireNonNull(entropy, "entropy");
    Objects.requireNonNull(beacon, "beacon");
    witnesses = List.copyOf(witnesses);
    hotspots = Map.copyOf(hotspots);
    deniedEdges = Set.copyOf(deniedEdges);
    hotspots.forEach(
        (id, info) -> {
          if (!id.equals(info.id())) {
            throw new IllegalArgumentException(
                "hotspots: key " + id + " holds the entry of " + info.id());
          }
        });
  }

  /** The registry entry of a hotspot. */
  public Optional<HotspotInfo> hotspot(String id) {
    return Optional.ofNullable(hotspots.get(id));
  }
}
