package org.hexproof.rewards.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Known answers from {@code vectors/merkle.json}, derived by {@code vectors/merkle.py}. */
class MerkleTreeVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<JsonNode> vectors() throws IOException {
    try (InputStream in = MerkleTreeVectorsTest.class.getResourceAsStream("/vectors/merkle.json")) {
      List<JsonNode> cases = new ArrayList<>();
      new ObjectMapper().readTree(in).get("vectors").forEach(cases::add);
      return cases.stream();
    }
  }

  private static List<RewardLeaf> leaves(JsonNode vector) {
    List<RewardLeaf> leaves = new ArrayList<>();
    for (JsonNode leaf : vector.get("leaves")) {
      leaves.add(
          new RewardLeaf(
              PublicKey.fromBytes(HEX.parseHex(leaf.get("hotspot").asText())),
              PublicKey.fromBytes(HEX.parseHex(leaf.get("owner").asText())),
              TokenAmount.of(leaf.get("beacon").asLong()),
              TokenAmount.of(leaf.get("witness").asLong()),
              TokenAmount.of(leaf.get("dataTransfer").asLong())));
    }
    return leaves;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("vectors")
  void tree_matches_the_independently_computed_vector(JsonNode vector) {
    MerkleTree tree = MerkleTree.of(leaves(vector));

    assertThat(tree.leaves().stream().map(l -> HEX.formatHex(l.hotspot().toBytes())))
        .containsExactlyElementsOf(strings(vector.get("canonicalHotspots")));
    assertThat(tree.leaves().stream().map(l -> HEX.formatHex(l.canonicalBytes())))
        .containsExactlyElementsOf(strings(vector.get("canonicalLeafBytes")));
    assertThat(tree.leaves().stream().map(l -> HEX.formatHex(MerkleTree.leafHash(l))))
        .containsExactlyElementsOf(strings(vector.get("leafHashes")));
    assertThat(HEX.formatHex(tree.root())).isEqualTo(vector.get("root").asText());
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("vectors")
  void proofs_match_the_vector_paths_and_verify(JsonNode vector) {
    MerkleTree tree = MerkleTree.of(leaves(vector));
    byte[] root = HEX.parseHex(vector.get("root").asText());

    for (int i = 0; i < tree.size(); i++) {
      RewardLeaf leaf = tree.leaves().get(i);
      MerkleProof proof = tree.proof(leaf.hotspot()).orElseThrow();

      assertThat(proof.leafIndex()).isEqualTo(i);
      assertThat(proof.treeSize()).isEqualTo(tree.size());
      assertThat(proof.path().stream().map(HEX::formatHex))
          .containsExactlyElementsOf(strings(vector.get("paths").get(i)));
      assertThat(proof.verify(leaf, root)).isTrue();
    }
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("vectors")
  void leaves_decode_from_their_canonical_bytes(JsonNode vector) {
    for (String hex : strings(vector.get("canonicalLeafBytes"))) {
      assertThat(RewardLeaf.fromCanonicalBytes(HEX.parseHex(hex)).canonicalBytes())
          .isEqualTo(HEX.parseHex(hex));
    }
  }
}
