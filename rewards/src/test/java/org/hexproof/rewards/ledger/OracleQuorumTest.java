package org.hexproof.rewards.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hexproof.rewards.ledger.Fixtures.ORACLE_A;
import static org.hexproof.rewards.ledger.Fixtures.ORACLE_B;
import static org.hexproof.rewards.ledger.Fixtures.ORACLE_C;
import static org.hexproof.rewards.ledger.Fixtures.OUTSIDER;
import static org.hexproof.rewards.ledger.Fixtures.TWO_OF_THREE;

import java.util.List;
import java.util.Set;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.token.TokenAmount;
import org.junit.jupiter.api.Test;

class OracleQuorumTest {
  private final List<RewardLeaf> leaves = List.of(Fixtures.leaf(1, 1, 5, 6, 7));
  private final MintManifest manifest = manifestForEpoch(19_000);

  private MintManifest manifestForEpoch(long epoch) {
    return MintManifest.forEpoch(
        0,
        Epoch.ofDay(epoch),
        MerkleTree.of(leaves),
        TokenAmount.ZERO,
        MintManifest.genesisPreviousHash());
  }

  private OracleSignature sign(org.hexproof.core.keys.Ed25519KeyPair key) {
    return OracleSignature.sign(key, manifest);
  }

  @Test
  void one_valid_signature_of_two_required_is_not_enough() {
    assertThat(TWO_OF_THREE.isSatisfied(manifest, List.of(sign(ORACLE_A)))).isFalse();
  }

  @Test
  void two_valid_signatures_are_enough() {
    assertThat(TWO_OF_THREE.isSatisfied(manifest, List.of(sign(ORACLE_A), sign(ORACLE_C))))
        .isTrue();
  }

  @Test
  void a_duplicate_signature_from_one_oracle_counts_once() {
    assertThat(TWO_OF_THREE.isSatisfied(manifest, List.of(sign(ORACLE_B), sign(ORACLE_B))))
        .isFalse();
    assertThat(TWO_OF_THREE.validSigners(manifest, List.of(sign(ORACLE_B), sign(ORACLE_B))))
        .containsExactly(ORACLE_B.publicKey());
  }

  @Test
  void an_outsider_signature_does_not_count() {
    assertThat(TWO_OF_THREE.isSatisfied(manifest, List.of(sign(ORACLE_A), sign(OUTSIDER))))
        .isFalse();
  }

  @Test
  void a_signature_over_another_manifest_does_not_count() {
    OracleSignature overOther = OracleSignature.sign(ORACLE_B, manifestForEpoch(19_001));

    assertThat(overOther.isValidFor(manifest)).isFalse();
    assertThat(TWO_OF_THREE.isSatisfied(manifest, List.of(sign(ORACLE_A), overOther))).isFalse();
  }

  @Test
  void a_signature_claiming_another_oracle_does_not_count() {
    OracleSignature forged = new OracleSignature(ORACLE_C.publicKey(), sign(ORACLE_A).signature());

    assertThat(TWO_OF_THREE.isSatisfied(manifest, List.of(sign(ORACLE_A), forged))).isFalse();
  }

  @Test
  void the_devnet_quorum_is_one_oracle_signing() {
    OracleQuorum devnet = OracleQuorum.single(ORACLE_A.publicKey());

    assertThat(devnet.threshold()).isEqualTo(1);
    assertThat(devnet.isSatisfied(manifest, List.of(sign(ORACLE_A)))).isTrue();
    assertThat(devnet.isSatisfied(manifest, List.of(sign(ORACLE_B)))).isFalse();
  }

  @Test
  void threshold_must_be_between_one_and_the_number_of_oracles() {
    Set<org.hexproof.core.keys.PublicKey> two = Set.of(ORACLE_A.publicKey(), ORACLE_B.publicKey());

    assertThatThrownBy(() -> new OracleQuorum(two, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OracleQuorum(two, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OracleQuorum(Set.of(), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signatures_are_64_bytes() {
    assertThatThrownBy(() -> new OracleSignature(ORACLE_A.publicKey(), new byte[63]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signature: expected 64 bytes, got 63");
  }
}
