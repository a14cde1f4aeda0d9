package org.hexproof.poc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hexproof.core.geo.H3Cell;
import org.hexproof.core.geo.LatLng;
import org.hexproof.core.radio.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EveryReasonIsReachableTest {
  /** Codes the last oracle never emitted, and {@code stale}, which only the purger writes. */
  private static final Set<InvalidReason> NOT_FROM_THE_RULES =
      EnumSet.of(
          InvalidReason.REASON_NONE,
          InvalidReason.BAD_SIGNATURE,
          InvalidReason.BAD_ENTROPY,
          InvalidReason.INVALID_PUBKEY,
          InvalidReason.STALE,
          InvalidReason.SCALING_FACTOR_NOT_FOUND,
          InvalidReason.UNKNOWN_ERROR);

  enum Where {
    BEACON_CHAIN,
    WITNESS_CHAIN,
    AFTER_CHAINS
  }

  /**
   * @param rejecting the rules that reject when each runs on its own: just the case's rule, except
   *     that a self-witness is also 0 cells from the beaconer
   */
  record Case(
      InvalidReason reason,
      Where where,
      List<String> rejecting,
      int witness,
      Consumer<PocFixture> change) {
    @Override
    public String toString() {
      return reason.reasonName() + " (" + where + " " + rejecting + ")";
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        beacon(
            InvalidReason.GATEWAY_NOT_FOUND, "gateway_found", f -> f.beaconer.registered = false),
        beacon(InvalidReason.NOT_ASSERTED, "asserted", f -> f.beaconer.location = Optional.empty()),
        beacon(InvalidReason.DENIED, "not_denied", f -> f.beaconer.denied = true),
        beacon(
            InvalidReason.ENTROPY_EXPIRED,
            "entropy_window",
            f -> f.beacon = beaconAt(f, PocFixture.ENTROPY_START.plusSeconds(181))),
        beacon(
            InvalidReason.INVALID_CAPABILITY,
            "full_capability",
            f -> f.beaconer.capability = Capability.DATA_ONLY),
        beacon(
            InvalidReason.IRREGULAR_INTERVAL,
            "beacon_schedule",
            f -> f.beaconer.lastBeaconAt = Optional.of(PocFixture.BEACON_AT.minusSeconds(60))),
        beacon(
            InvalidReason.INVALID_PACKET,
            "beacon_construction",
            f ->
                f.beacon =
                    new BeaconReport(
                        f.beacon.hotspotId(),
                        f.beacon.receivedAt(),
                        f.beacon.localEntropy(),
                        f.beacon.remoteEntropy(),
                        f.beacon.data(),
                        867_700_000L,
                        f.beacon.dataRate(),
                        f.beacon.txPowerDbm())),
        witness(
            InvalidReason.DUPLICATE, "not_duplicate", 1, f -> f.witnesses.add(f.witnesses.get(0))),
        witness(
            InvalidReason.GATEWAY_NOT_FOUND,
            "gateway_found",
            0,
            f -> f.replaceWitness(0, w -> PocFixture.witnessReport("stranger", w.receivedAt()))),
        witness(
            InvalidReason.NOT_ASSERTED,
            "witness_asserted",
            0,
            f -> f.witness.location = Optional.empty()),
        witness(InvalidReason.DENIED, "not_denied", 0, f -> f.witness.denied = true),
        witness(
            InvalidReason.DENIED_EDGE,
            "edge_not_denied",
            0,
            f -> f.deniedEdges.add(DeniedEdge.of(PocFixture.WITNESS, PocFixture.BEACONER))),
        new Case(
            InvalidReason.SELF_WITNESS,
            Where.WITNESS_CHAIN,
            List.of("not_self", "min_distance"),
            1,
            f ->
                f.witnesses.add(
                    PocFixture.witnessReport(PocFixture.BEACONER, PocFixture.WITNESS_AT))),
        witness(
            InvalidReason.ENTROPY_EXPIRED,
            "entropy_window",
            0,
            f -> {
              f.beacon = beaconAt(f, PocFixture.ENTROPY_START.plusMillis(180_900));
              f.replaceWitness(
                  0,
                  w ->
                      PocFixture.witnessReport(
                          w.hotspotId(), PocFixture.ENTROPY_START.plusSeconds(181)));
            }),
        witness(
            InvalidReason.TOO_LATE,
            "not_too_late",
            0,
            f ->
                f.replaceWitness(
                    0,
                    w ->
                        PocFixture.witnessReport(
                            w.hotspotId(), PocFixture.BEACON_AT.plusMillis(4001)))),
        witness(
            InvalidReason.INVALID_PACKET,
            "same_data",
            0,
            f ->
                f.replaceWitness(
                    0,
                    w ->
                        new WitnessReport(
                            w.hotspotId(),
                            w.receivedAt(),
                            Bytes.fromHex("00"),
                            w.signalDdbm(),
                            w.snrDdb(),
                            w.frequencyHz(),
                            w.dataRate()))),
        witness(
            InvalidReason.INVALID_CAPABILITY,
            "full_capability",
            0,
            f -> f.witness.capability = Capability.DATA_ONLY),
        witness(
            InvalidReason.INVALID_FREQUENCY,
            "frequency",
            0,
            f -> f.replaceWitness(0, w -> withSignalAndFrequency(w, w.signalDdbm(), 868_100_000L))),
        witness(
            InvalidReason.INVALID_REGION, "same_region", 0, f -> f.witness.region = Region.US915),
        witness(
            InvalidReason.BELOW_MIN_DISTANCE,
            "min_distance",
            0,
            f -> f.witness.location = Optional.of(PocFixture.SEVEN_CELLS_AWAY)),
        witness(
            InvalidReason.MAX_DISTANCE_EXCEEDED,
            "max_distance",
            0,
            f -> {
              LatLng malta = PocFixture.BEACONER_CELL.center();
              f.witness.location =
                  Optional.of(
                      H3Cell.fromLatLng(
                          new LatLng(malta.latDegrees() + 0.92, malta.lngDegrees()), 12));
              f.replaceWitness(0, w -> withSignalAndFrequency(w, -1400, w.frequencyHz()));
            }),
        witness(
            InvalidReason.BAD_RSSI,
            "rssi",
            0,
            f -> f.replaceWitness(0, w -> withSignalAndFrequency(w, -500, w.frequencyHz()))),
        after(
            InvalidReason.GATEWAY_NO_VALID_BEACONS,
            f -> f.witness.lastBeaconReciprocityAt = Optional.empty()),
        after(
            InvalidReason.GATEWAY_NO_VALID_WITNESSES,
            f ->
                f.beaconer.lastWitnessAt =
                    Optional.of(PocFixture.BEACON_AT.minus(Duration.ofHours(48)))));
  }

  @Test
  void the_unchanged_fixture_is_a_valid_poc() {
    PocResult result = new PocFixture().verify();

    assertThat(result.beacon()).isEqualTo(Verdict.VALID);
    assertThat(result.witnesses())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.verdict()).isEqualTo(Verdict.VALID);
              assertThat(w.selected()).isTrue();
            });
  }

  @Test
  void every_reason_the_rules_emit_has_a_case_and_no_other_reason_does() {
    Set<InvalidReason> covered =
        cases()
            .map(Case::reason)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(InvalidReason.class)));

    assertThat(covered).doesNotContainAnyElementsOf(NOT_FROM_THE_RULES);
    assertThat(EnumSet.complementOf(EnumSet.copyOf(NOT_FROM_THE_RULES))).isEqualTo(covered);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void each_reason_is_reached_by_failing_only_its_rule(Case c) {
    PocFixture f = new PocFixture();
    c.change.accept(f);

    switch (c.where) {
      case BEACON_CHAIN -> {
        assertThat(rejectingRules(BeaconRules.RULES, f.beaconCheck())).isEqualTo(c.rejecting);
        assertThat(f.verify().beacon())
            .isInstanceOfSatisfying(
                Verdict.Invalid.class,
                v -> {
                  assertThat(v.reason()).isEqualTo(c.reason);
                  assertThat(v.side()).isEqualTo(ParticipantSide.BEACONER);
                });
      }
      case WITNESS_CHAIN -> {
        assertThat(BeaconRules.verify(f.beaconCheck())).isEqualTo(Verdict.VALID);
        assertThat(rejectingRules(WitnessRules.RULES, f.witnessCheck(c.witness)))
            .isEqualTo(c.rejecting);
        assertThat(WitnessRules.verify(f.witnessCheck(c.witness)))
            .isInstanceOfSatisfying(
                Verdict.Invalid.class, v -> assertThat(v.reason()).isEqualTo(c.reason));
      }
      case AFTER_CHAINS -> {
        assertThat(BeaconRules.verify(f.beaconCheck())).isEqualTo(Verdict.VALID);
        assertThat(WitnessRules.verify(f.witnessCheck(0))).isEqualTo(Verdict.VALID);
        PocResult result = f.verify();
        Verdict seen =
            c.reason == InvalidReason.GATEWAY_NO_VALID_WITNESSES
                ? result.beacon()
                : result.witnesses().get(0).verdict();
        assertThat(seen)
            .isInstanceOfSatisfying(
                Verdict.Invalid.class, v -> assertThat(v.reason()).isEqualTo(c.reason));
      }
    }
  }

  /**
   * Names of the rules that reject when each is run on its own; rules whose inputs an earlier rule
   * guards are skipped.
   */
  static <C> List<String> rejectingRules(List<Rule<C>> rules, C context) {
    List<String> names = new ArrayList<>();
    for (Rule<C> rule : rules) {
      try {
        if (rule.check().apply(context).isPresent()) {
          names.add(rule.name());
        }
      } catch (IllegalStateException guardedByAnEarlierRule) {
        // a lookup rule rejected first; this rule cannot run without its input
      }
    }
    return names;
  }

  private static Case beacon(InvalidReason reason, String rule, Consumer<PocFixture> change) {
    return new Case(reason, Where.BEACON_CHAIN, List.of(rule), 0, change);
  }

  private static Case witness(
      InvalidReason reason, String rule, int index, Consumer<PocFixture> change) {
    return new Case(reason, Where.WITNESS_CHAIN, List.of(rule), index, change);
  }

  private static Case after(InvalidReason reason, Consumer<PocFixture> change) {
    return new Case(reason, Where.AFTER_CHAINS, List.of(), 0, change);
  }

  static BeaconReport beaconAt(PocFixture f, Instant at) {
    BeaconReport b = f.beacon;
    return new BeaconReport(
        b.hotspotId(),
        at,
        b.localEntropy(),
        b.remoteEntropy(),
        b.data(),
        b.frequencyHz(),
        b.dataRate(),
        b.txPowerDbm());
  }

  static WitnessReport withSignalAndFrequency(WitnessReport w, int signalDdbm, long frequencyHz) {
    return new WitnessReport(
        w.hotspotId(), w.receivedAt(), w.data(), signalDdbm, w.snrDdb(), frequencyHz, w.dataRate());
  }
}
