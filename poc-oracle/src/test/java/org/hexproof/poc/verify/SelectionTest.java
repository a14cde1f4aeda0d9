package org.hexproof.poc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {

  @Test
  void sixteen_valid_witnesses_select_the_first_fourteen_by_receive_time() {
    PocFixture f = new PocFixture();
    for (int i = 15; i >= 1; i--) {
      f.addWitness("w" + i, PocFixture.WITNESS_AT.plusMillis(10L * i));
    }

    PocResult result = f.verify();

    List<String> order = result.witnesses().stream().map(w -> w.report().hotspotId()).toList();
    assertThat(order).first().isEqualTo(PocFixture.WITNESS);
    assertThat(order).containsSubsequence("w1", "w2", "w15");
    assertThat(result.witnesses()).hasSize(16).allMatch(w -> w.verdict().isValid());
    assertThat(
            result.witnesses().stream()
                .filter(WitnessResult::selected)
                .map(w -> w.report().hotspotId()))
        .hasSize(14)
        .doesNotContain("w14", "w15");
    assertThat(result.rewardUnits()).isEqualTo(RewardUnits.forValidWitnesses(14, f.profile));
    assertThat(result.rewardUnits().beaconer()).isEqualByComparingTo("1.8926");
  }

  @Test
  void self_witness_is_absent_from_the_output_of_a_valid_poc() {
    PocFixture f = new PocFixture();
    f.witnesses.add(PocFixture.witnessReport(PocFixture.BEACONER, PocFixture.WITNESS_AT));

    PocResult result = f.verify();

    assertThat(result.witnesses())
        .extracting(w -> w.report().hotspotId())
        .containsExactly(PocFixture.WITNESS);
  }

  @Test
  void duplicate_keeps_the_first_report_from_a_gateway() {
    PocFixture f = new PocFixture();
    Instant later = PocFixture.WITNESS_AT.plusMillis(20);
    f.witnesses.add(0, PocFixture.witnessReport(PocFixture.WITNESS, later));

    PocResult result = f.verify();

    assertThat(result.witnesses()).hasSize(2);
    assertThat(result.witnesses().get(0).report().receivedAt()).isEqualTo(PocFixture.WITNESS_AT);
    assertThat(result.witnesses().get(0).verdict()).isEqualTo(Verdict.VALID);
    assertThat(result.witnesses().get(1).verdict())
        .isInstanceOfSatisfying(
            Verdict.Invalid.class, v -> assertThat(v.reason()).isEqualTo(InvalidReason.DUPLICATE));
    assertThat(result.witnesses().get(1).selected()).isFalse();
  }

  @Test
  void an_invalid_beacon_gives_every_witness_its_reason_on_the_beaconer_side() {
    PocFixture f = new PocFixture();
    f.beaconer.denied = true;
    f.addWitness("w2", PocFixture.WITNESS_AT.plusMillis(5));

    PocResult result = f.verify();

    assertThat(result.witnesses())
        .hasSize(2)
        .allSatisfy(
            w ->
                assertThat(w.verdict())
                    .isInstanceOfSatisfying(
                        Verdict.Invalid.class,
                        v -> {
                          assertThat(v.reason()).isEqualTo(InvalidReason.DENIED);
                          assertThat(v.side()).isEqualTo(ParticipantSide.BEACONER);
                        }));
    assertThat(result.rewardUnits()).isEqualTo(RewardUnits.NONE);
    assertThat(result.hexScale()).isZero();
  }

  @Test
  void valid_poc_uses_the_beaconers_hex_scale_and_one_witness_units() {
    PocResult result = new PocFixture().verify();

    assertThat(result.hexScale()).isEqualByComparingTo(new BigDecimal("0.5015"));
    assertThat(result.rewardUnits().beaconer()).isEqualByComparingTo("0.25");
    assertThat(result.rewardUnits().perWitness()).isEqualByComparingTo("1");
  }

  @Test
  void valid_poc_updates_last_beacon_last_witness_and_reciprocity() {
    PocFixture f = new PocFixture();

    assertThat(f.verify().stateUpdates())
        .containsExactly(
            new StateUpdate(
                PocFixture.BEACONER, StateUpdate.Field.LAST_BEACON, PocFixture.BEACON_AT),
            new StateUpdate(
                PocFixture.WITNESS, StateUpdate.Field.LAST_WITNESS, PocFixture.WITNESS_AT),
            new StateUpdate(
                PocFixture.BEACONER,
                StateUpdate.Field.LAST_BEACON_RECIPROCITY,
                PocFixture.BEACON_AT));
  }

  @Test
  void invalid_beacon_still_updates_last_beacon_only() {
    PocFixture f = new PocFixture();
    f.beaconer.capability = Capability.DATA_ONLY;

    assertThat(f.verify().stateUpdates())
        .containsExactly(
            new StateUpdate(
                PocFixture.BEACONER, StateUpdate.Field.LAST_BEACON, PocFixture.BEACON_AT));
  }

  @Test
  void beaconer_without_recent_witnessing_invalidates_the_poc_but_witnesses_keep_last_witness() {
    PocFixture f = new PocFixture();
    f.beaconer.lastWitnessAt = java.util.Optional.empty();

    PocResult result = f.verify();

    assertThat(result.beacon())
        .isInstanceOfSatisfying(
            Verdict.Invalid.class,
            v -> assertThat(v.reason()).isEqualTo(InvalidReason.GATEWAY_NO_VALID_WITNESSES));
    assertThat(result.witnesses().get(0).verdict())
        .isInstanceOfSatisfying(
            Verdict.Invalid.class, v -> assertThat(v.side()).isEqualTo(ParticipantSide.BEACONER));
    assertThat(result.stateUpdates())
        .extracting(StateUpdate::field)
        .containsExactly(StateUpdate.Field.LAST_BEACON, StateUpdate.Field.LAST_WITNESS);
  }

  @Test
  void witness_failing_reciprocity_still_updates_its_last_witness() {
    PocFixture f = new PocFixture();
    f.witness.lastBeaconReciprocityAt = java.util.Optional.empty();

    PocResult result = f.verify();

    assertThat(result.witnesses().get(0).selected()).isFalse();
    assertThat(result.rewardUnits().beaconer()).isZero();
    assertThat(result.stateUpdates())
        .extracting(StateUpdate::field)
        .contains(StateUpdate.Field.LAST_WITNESS, StateUpdate.Field.LAST_BEACON_RECIPROCITY);
  }

  @Test
  void missing_region_parameters_throw_instead_of_invalidating() {
    PocFixture f = new PocFixture();
    PocVerifier verifier =
        new PocVerifier(region -> java.util.Optional.empty(), cell -> BigDecimal.ONE);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(f.profile, f.input()))
        .isInstanceOf(UnverifiableBeaconException.class)
        .hasMessageContaining("EU868");
  }
}
