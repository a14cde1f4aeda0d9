package org.hexproof.rewards.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.token.TokenAmount;
import org.junit.jupiter.api.Test;

class MintManifestTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static MintManifest sample() {
    Epoch epoch = Epoch.ofDay(19_000);
    return new MintManifest(
        3,
        epoch.index(),
        epoch.start(),
        epoch.end(),
        filled(0x11),
        5,
        TokenAmount.of(123_456_789),
        TokenAmount.of(42),
        filled(0x22));
  }

  @Test
  void canonical_bytes_and_hash_match_the_python_struct_pack_known_answer() {
    // python3: b'hexproof-mint-v1' + bytes([1]) + struct.pack('>QQqIqI', 3, 19000,
    // 19000*86400, 0, 19001*86400, 0) + b'\x11'*32 + struct.pack('>QQQ', 5, 123456789, 42)
    // + b'\x22'*32, and hashlib.sha256 of that
    MintManifest manifest = sample();

    assertThat(HEX.formatHex(manifest.canonicalBytes()))
        .isEqualTo(
            "68657870726f6f662d6d696e742d7631"
                + "01"
                + "0000000000000003"
                + "0000000000004a38"
                + "0000000061d8d400"
                + "00000000"
                + "0000000061da2580"
                + "00000000"
                + "11".repeat(32)
                + "0000000000000005"
                + "00000000075bcd15"
                + "000000000000002a"
                + "22".repeat(32));
    assertThat(HEX.formatHex(manifest.hash()))
        .isEqualTo("2ae44bec9408f1bb1e7f77777a4ca683e1ea465420f17ddd6f5a535cd9095089");
  }

  @Test
  void decoding_the_canonical_bytes_gives_back_the_manifest_and_the_same_bytes() {
    byte[] bytes = sample().canonicalBytes();

    MintManifest decoded = MintManifest.fromCanonicalBytes(bytes);

    assertThat(decoded).isEqualTo(sample());
    assertThat(decoded.canonicalBytes()).isEqualTo(bytes);
  }

  @Test
  void rejects_an_unknown_version() {
    byte[] bytes = sample().canonicalBytes();
    bytes[16] = 2;

    assertThatThrownBy(() -> MintManifest.fromCanonicalBytes(bytes))
        .isInstanceOf(MalformedLedgerBytesException.class)
        .hasMessage("mint manifest: expected version 1, got 2");
  }

  @Test
  void rejects_an_epoch_that_does_not_end_after_it_starts() {
    Epoch epoch = Epoch.ofDay(1);
    assertThatThrownBy(
            () ->
                new MintManifest(
                    0,
                    1,
                    epoch.end(),
                    epoch.start(),
                    filled(0),
                    0,
                    TokenAmount.ZERO,
                    TokenAmount.ZERO,
                    filled(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejects_a_hash_that_is_not_32_bytes() {
    Epoch epoch = Epoch.ofDay(1);
    assertThatThrownBy(
            () ->
                new MintManifest(
                    0,
                    1,
                    epoch.start(),
                    epoch.end(),
                    new byte[31],
                    0,
                    TokenAmount.ZERO,
                    TokenAmount.ZERO,
                    filled(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("merkleRoot");
  }

  @Test
  void stored_arrays_cannot_be_changed_from_outside() {
    byte[] root = filled(0x11);
    Epoch epoch = Epoch.ofDay(1);
    MintManifest manifest =
        new MintManifest(
            0, 1, epoch.start(), epoch.end(), root, 0, TokenAmount.ZERO, TokenAmount.ZERO, root);
    root[0] = 0;
    manifest.merkleRoot()[1] = 0;

    assertThat(manifest.merkleRoot()).isEqualTo(filled(0x11));
  }

  @Property(tries = 200)
  void independent_builders_given_the_leaves_in_any_order_agree_byte_for_byte(@ForAll long seed) {
    Random random = new Random(seed);
    List<RewardLeaf> leaves = Fixtures.randomLeaves(random, 12);
    List<RewardLeaf> shuffled = new ArrayList<>(leaves);
    java.util.Collections.shuffle(shuffled, random);
    Epoch epoch = Epoch.ofDay(19_000 + random.nextInt(1000));
    byte[] previous = filled(random.nextInt(256));

    MintManifest first =
        MintManifest.forEpoch(4, epoch, MerkleTree.of(leaves), TokenAmount.of(9), previous);
    MintManifest second =
        MintManifest.forEpoch(4, epoch, MerkleTree.of(shuffled), TokenAmount.of(9), previous);

    assertThat(second.canonicalBytes()).isEqualTo(first.canonicalBytes());
    assertThat(OracleSignature.sign(Fixtures.ORACLE_B, second).isValidFor(first)).isTrue();
  }
}
