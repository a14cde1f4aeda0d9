package org.hexproof.rewards.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.ledger.MerkleProof;
import org.hexproof.rewards.ledger.RewardLeaf;

/**
 * The JSON form of a hotspot's Merkle inclusion proof, served by {@code GET
 * /v1/rewards/epochs/{epoch}/proofs/{key}} and read by {@code hexproof ledger verify-proof}:
 *
 * <pre>{@code
 * {"epoch": 20417,
 *  "leaf": {"hotspot": "<base58>", "owner": "<base58>", "beacon": 1, "witness": 2, "data_transfer": 0},
 *  "leaf_index": 0, "tree_size": 3, "path": ["<hex 32 bytes>", ...], "root": "<hex 32 bytes>"}
 * }</pre>
 *
 * The root in the document is informative: a verifier checks against a root it trusts (from the
 * signed manifest), not the one the document brings.
 */
public final class ProofJson {
  private static final HexFormat HEX = HexFormat.of();

  private ProofJson() {}

  /**
   * A parsed proof document.
   *
   * @param epoch the epoch
   * @param leaf the claimed leaf
   * @param proof the audit path
   * @param root the root the document names, 32 bytes
   */
  public record Document(long epoch, RewardLeaf leaf, MerkleProof proof, byte[] root) {}

  /**
   * Builds the document.
   *
   * @param epoch the epoch
   * @param leaf the leaf; not null
   * @param proof its proof; not null
   * @param root the epoch's root; not null
   * @return a JSON-ready map with the fields above, in that order
   */
  public static Map<String, Object> toJson(
      long epoch, RewardLeaf leaf, MerkleProof proof, byte[] root) {
    Map<String, Object> leafJson = new LinkedHashMap<>();
    leafJson.put("hotspot", leaf.hotspot().toBase58());
    leafJson.put("owner", leaf.owner().toBase58());
    leafJson.put("beacon", leaf.beaconRewards().baseUnits());
    leafJson.put("witness", leaf.witnessRewards().baseUnits());
    leafJson.put("data_transfer", leaf.dataTransferRewards().baseUnits());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("epoch", epoch);
    json.put("leaf", leafJson);
    json.put("leaf_index", proof.leafIndex());
    json.put("tree_size", proof.treeSize());
    json.put("path", proof.path().stream().map(HEX::formatHex).toList());
    json.put("root", HEX.formatHex(root));
    return json;
  }

  /**
   * Parses a document.
   *
   * @param json the document; not null
   * @return the parts
   * @throws IllegalArgumentException naming the first missing or malformed field
   */
  public static Document parse(JsonNode json) {
    Objects.requireNonNull(json, "json");
    JsonNode leaf = field(json, "leaf");
    RewardLeaf parsed =
        new RewardLeaf(
            key(leaf, "leaf.hotspot", "hotspot"),
            key(leaf, "leaf.owner", "owner"),
            amount(leaf, "beacon"),
            amount(leaf, "witness"),
            amount(leaf, "data_transfer"));
    JsonNode path = field(json, "path");
    if (!path.isArray()) {
      throw new IllegalArgumentException("path: expected an array of hex strings");
    }
    List<byte[]> nodes = new ArrayList<>();
    for (JsonNode node : path) {
      nodes.add(hex(node, "path[" + nodes.size() + "]"));
    }
    MerkleProof proof =
        new MerkleProof(
            whole(field(json, "leaf_index"), "leaf_index"),
            whole(field(json, "tree_size"), "tree_size"),
            nodes);
    return new Document(
        field(json, "epoch").asLong(), parsed, proof, hex(field(json, "root"), "root"));
  }

  /**
   * Parses 32 bytes of hex.
   *
   * @param text the hex text; not null
   * @param what the field name for messages
   * @return the bytes
   * @throws IllegalArgumentException if it is not 64 hex digits
   */
  public static byte[] hash(String text, String what) {
    byte[] bytes;
    try {
      bytes = HEX.parseHex(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": expected 64 hex digits, got '" + text + "'", e);
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          what + ": expected 32 bytes (64 hex digits), got " + bytes.length + " bytes");
    }
    return bytes;
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(name + ": missing");
    }
    return value;
  }

  private static PublicKey key(JsonNode node, String what, String name) {
    return PublicKey.fromBase58(field(node, name).asText());
  }

  private static TokenAmount amount(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("leaf." + name + ": expected base units, got " + value);
    }
    return TokenAmount.of(value.asLong());
  }

  private static int whole(JsonNode value, String name) {
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException(name + ": expected a whole number, got " + value);
    }
    return value.asInt();
  }

  private static byte[] hex(JsonNode node, String what) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException(what + ": expected a hex string, got " + node);
    }
    return hash(node.asText(), what);
  }
}
