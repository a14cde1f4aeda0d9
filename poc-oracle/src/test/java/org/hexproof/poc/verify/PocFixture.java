package org.hexproof.poc.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.proto.DataRate;
import org.hexproof.core.radio.Region;

/**
 * One fully valid PoC built on a beacon a Helium hotspot really sent (helium/oracles poc.rs tests;
 * network-core vectors/beacons.json): beaconer in Malta, witness 28 res-11 cells away. Tests change
 * one field and look at the verdict.
 */
final class PocFixture {
  static final String BEACONER = "beaconer";
  static final String WITNESS = "witness";
  static final H3Cell BEACONER_CELL = H3Cell.fromLong(631615575095659519L);
  static final H3Cell WITNESS_CELL = H3Cell.fromLong(627111975465463807L);

  /** 7 res-11 cells from the beaconer (helium/oracles poc.rs LOC3). */
  static final H3Cell SEVEN_CELLS_AWAY = H3Cell.fromLong(627111975468974079L);

  static final Instant ENTROPY_START = Instant.ofEpochSecond(1677163710L);
  static final Bytes REMOTE_ENTROPY =
      Bytes.fromHex("b6aa3f80d9355f139d998626b8d1ff1776cda36ae11a10006a8d516546276b09");
  static final Bytes LOCAL_ENTROPY = Bytes.fromHex("e94619b0");
  static final Bytes DATA =
      Bytes.fromHex(
          "1c99124160e83b92867d630caf4c9ed21cfd923bbbcb7a9231f19c944af6441108d43006983add9eba65253b877e1248f441ae");
  static final Instant BEACON_AT = ENTROPY_START.plusSeconds(119).plusMillis(500);
  static final Instant WITNESS_AT = ENTROPY_START.plusSeconds(120);

  RuleProfile profile = RuleProfile.heliumIot2025();
  OracleEntropy entropy = new OracleEntropy(REMOTE_ENTROPY, ENTROPY_START, 0);
  Hotspot beaconer = new Hotspot(BEACONER, BEACONER_CELL);
  Hotspot witness = new Hotspot(WITNESS, WITNESS_CELL);
  final List<Hotspot> others = new ArrayList<>();
  BeaconReport beacon =
      new BeaconReport(
          BEACONER,
          BEACON_AT,
          LOCAL_ENTROPY,
          REMOTE_ENTROPY,
          DATA,
          867_900_000L,
          DataRate.SF12BW125,
          8);
  final List<WitnessReport> witnesses =
      new ArrayList<>(List.of(witnessReport(WITNESS, WITNESS_AT)));
  final Set<DeniedEdge> deniedEdges = new HashSet<>();

  PocFixture() {
    beaconer.lastWitnessAt = Optional.of(BEACON_AT.minus(Duration.ofDays(1)));
    witness.lastBeaconReciprocityAt = Optional.of(WITNESS_AT.minus(Duration.ofDays(1)));
  }

  static WitnessReport witnessReport(String id, Instant at) {
    return new WitnessReport(id, at, DATA, -1080, 35, 867_900_032L, DataRate.SF12BW125);
  }

  /** The registry entry being built; fields are changed by tests. */
  static final class Hotspot {
    final String id;
    Optional<H3Cell> location;
    Region region = Region.EU868;
    int gainDdbi = 12;
    Capability capability = Capability.FULL;
    boolean denied;
    boolean registered = true;
    Optional<Instant> lastBeaconAt = Optional.empty();
    Optional<Instant> lastWitnessAt = Optional.empty();
    Optional<Instant> lastBeaconReciprocityAt = Optional.empty();

    Hotspot(String id, H3Cell location) {
      this.id = id;
      this.location = Optional.of(location);
    }

    HotspotInfo build() {
      return new HotspotInfo(
          id,
          location,
          region,
          gainDdbi,
          0,
          capability,
          denied,
          lastBeaconAt,
          lastWitnessAt,
          lastBeaconReciprocityAt);
    }
  }

  /** A further valid witness at a given receive time (same cell as the main witness). */
  Hotspot addWitness(String id, Instant at) {
    Hotspot other = new Hotspot(id, WITNESS_CELL);
    other.lastBeaconReciprocityAt = witness.lastBeaconReciprocityAt;
    others.add(other);
    witnesses.add(witnessReport(id, at));
    return other;
  }

  void replaceWitness(int index, java.util.function.UnaryOperator<WitnessReport> change) {
    witnesses.set(index, change.apply(witnesses.get(index)));
  }

  PocInput input() {
    Map<String, HotspotInfo> registry = new LinkedHashMap<>();
    for (Hotspot h : allHotspots()) {
      if (h.registered) {
        registry.put(h.id, h.build());
      }
    }
    return new PocInput(entropy, beacon, witnesses, registry, deniedEdges);
  }

  private List<Hotspot> allHotspots() {
    List<Hotspot> all = new ArrayList<>();
    all.add(beaconer);
    all.add(witness);
    all.addAll(others);
    return all;
  }

  PocResult verify() {
    return new PocVerifier(RegionPlans.BUILT_IN, cell -> new java.math.BigDecimal("0.5015"))
        .verify(profile, input());
  }

  BeaconCheck beaconCheck() {
    PocInput in = input();
    return new BeaconCheck(
        profile, entropy, beacon, in.hotspot(beacon.hotspotId()), RegionPlans.BUILT_IN);
  }

  /** The witness chain's context for report {@code index}, as the verifier would build it. */
  WitnessCheck witnessCheck(int index) {
    PocInput in = input();
    WitnessReport report = witnesses.get(index);
    Instant first =
        witnesses.stream().map(WitnessReport::receivedAt).min(Instant::compareTo).orElseThrow();
    boolean duplicate =
        witnesses.subList(0, index).stream()
            .anyMatch(w -> w.hotspotId().equals(report.hotspotId()));
    return new WitnessCheck(
        profile,
        entropy,
        beacon,
        in.hotspot(beacon.hotspotId()).orElseThrow(),
        report,
        duplicate,
        in.hotspot(report.hotspotId()),
        deniedEdges,
        first);
  }
}
