package org.hexproof.rewards.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hexproof.core.keys.Base58;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.junit.jupiter.api.Test;

class RewardLeafTest {
  private final RewardLeaf leaf = Fixtures.leaf(1, 2, 10, 20, 0x0102030405060708L);

  @Test
  void total_is_the_sum_of_the_three_amounts() {
    assertThat(leaf.total()).isEqualTo(TokenAmount.of(30 + 0x0102030405060708L));
  }

  @Test
  void canonical_bytes_follow_the_documented_layout() {
    byte[] bytes = leaf.canonicalBytes();

    assertThat(bytes).hasSize(106);
    assertThat(new String(bytes, 0, 16, StandardCharsets.US_ASCII)).isEqualTo("hexproof-leaf-v1");
    assertThat(Arrays.copyOfRange(bytes, 16, 49)).isEqualTo(leaf.hotspot().toBytes());
    assertThat(Arrays.copyOfRange(bytes, 49, 82)).isEqualTo(leaf.owner().toBytes());
    ByteBuffer amounts = ByteBuffer.wrap(bytes, 82, 24);
    assertThat(amounts.getLong()).isEqualTo(10);
    assertThat(amounts.getLong()).isEqualTo(20);
    assertThat(Arrays.copyOfRange(bytes, 98, 106))
        .containsExactly(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08);
  }

  @Test
  void decoding_the_canonical_bytes_gives_back_the_leaf_and_the_same_bytes() {
    byte[] bytes = leaf.canonicalBytes();

    RewardLeaf decoded = RewardLeaf.fromCanonicalBytes(bytes);

    assertThat(decoded).isEqualTo(leaf);
    assertThat(decoded.canonicalBytes()).isEqualTo(bytes);
  }

  @Test
  void rejects_bytes_of_the_wrong_length() {
    assertThatThrownBy(() -> RewardLeaf.fromCanonicalBytes(new byte[105]))
        .isInstanceOf(MalformedLedgerBytesException.class)
        .hasMessage("reward leaf: expected 106 bytes, got 105");
  }

  @Test
  void rejects_bytes_with_another_domain_prefix() {
    byte[] bytes = leaf.canonicalBytes();
    bytes[15] = '2';

    assertThatThrownBy(() -> RewardLeaf.fromCanonicalBytes(bytes))
        .isInstanceOf(MalformedLedgerBytesException.class)
        .hasMessageContaining("domain prefix");
  }

  @Test
  void rejects_an_amount_with_the_top_bit_set() {
    byte[] bytes = leaf.canonicalBytes();
    bytes[82] = (byte) 0x80;

    assertThatThrownBy(() -> RewardLeaf.fromCanonicalBytes(bytes))
        .isInstanceOf(MalformedLedgerBytesException.class)
        .hasMessageContaining("beacon");
  }

  @Test
  void rejects_amounts_whose_total_overflows() {
    assertThatThrownBy(() -> Fixtures.leaf(1, 1, Long.MAX_VALUE, 1, 0))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void a_leaf_from_the_stored_key_text_equals_the_leaf_from_the_key() {
    String text = leaf.hotspot().toBase58();

    RewardLeaf stored =
        RewardLeaf.ofStoredHotspot(
            text,
            leaf.owner(),
            leaf.beaconRewards(),
            leaf.witnessRewards(),
            leaf.dataTransferRewards());

    assertThat(stored).isEqualTo(leaf).hasSameHashCodeAs(leaf);
    assertThat(stored.canonicalBytes()).isEqualTo(leaf.canonicalBytes());
    assertThat(stored.hotspotBase58()).isSameAs(text);
    assertThat(stored.hotspot()).isEqualTo(leaf.hotspot());
    assertThat(stored.toString()).isEqualTo(leaf.toString()).contains(text);
  }

  @Test
  void a_leaf_from_stored_key_text_checks_the_checksum_and_the_length() {
    String text = leaf.hotspot().toBase58();
    String mistyped =
        text.substring(0, 10) + (text.charAt(10) == 'a' ? 'b' : 'a') + text.substring(11);
    String walletSized = Base58.encodeCheck(new byte[32]);

    assertThatThrownBy(() -> stored(mistyped))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessageContaining("checksum");
    assertThatThrownBy(() -> stored(walletSized))
        .isInstanceOf(MalformedKeyException.class)
        .hasMessage("stored hotspot key: expected 33 bytes, got 32");
  }

  @Test
  void a_stored_key_that_is_no_curve_point_fails_when_the_key_is_asked_for() {
    byte[] tagged = leaf.hotspot().toBytes();
    // about half of all 32-byte strings are no Ed25519 point: find one next to the key
    for (int i = 0; ; i++) {
      tagged[1] = (byte) i;
      try {
        PublicKey.fromBytes(tagged);
      } catch (MalformedKeyException e) {
        break;
      }
    }
    RewardLeaf stored = stored(Base58.encodeCheck(tagged));

    assertThat(stored.canonicalBytes()).hasSize(RewardLeaf.CANONICAL_LENGTH);
    assertThatThrownBy(stored::hotspot).isInstanceOf(MalformedKeyException.class);
  }

  private RewardLeaf stored(String hotspotText) {
    return RewardLeaf.ofStoredHotspot(
        hotspotText, leaf.owner(), TokenAmount.of(1), TokenAmount.of(2), TokenAmount.of(3));
  }
}
