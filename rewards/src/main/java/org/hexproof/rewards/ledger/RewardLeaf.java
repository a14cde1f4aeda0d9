package org.hexproof.rewards.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import org.hexproof.core.keys.Base58;
import org.hexproof.core.keys.KeyType;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;

/**
 * One hotspot's reward for one epoch: a leaf of the epoch's {@link MerkleTree}. The amounts are
 * what this epoch pays, by reward kind; {@link #total()} is their sum.
 *
 * <p>{@link #canonicalBytes()} is the fixed {@value #CANONICAL_LENGTH}-byte layout of {@link
 * org.hexproof.rewards.ledger}: {@code "hexproof-leaf-v1"} ‖ hotspot (33) ‖ owner (33) ‖ beacon
 * (u64 BE) ‖ witness (u64 BE) ‖ data transfer (u64 BE).
 *
 * <p>A value: equal when the hotspot key bytes, owner and amounts are equal. The hotspot is held as
 * its 33 tagged key bytes; epoch close builds leaves with {@link #ofStoredHotspot} from keys that
 * rewards validated when it stored them, so that closing a million-hotspot epoch does not decode a
 * million curve points again: {@link #hotspot()} does that on first use.
 */
public final class RewardLeaf {

  /** Domain-separation prefix of the canonical bytes, 16 ASCII bytes. */
  public static final String DOMAIN = "hexproof-leaf-v1";

  /** Length of {@link #canonicalBytes()}: 16 + 33 + 33 + 3 × 8. */
  public static final int CANONICAL_LENGTH = 16 + 2 * PublicKey.LENGTH + 3 * Long.BYTES;

  /** Canonical leaf order: by the unsigned bytes of the hotspot's 33-byte tagged key. */
  public static final Comparator<RewardLeaf> CANONICAL_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.hotspotBytes, b.hotspotBytes);

  private static final byte[] DOMAIN_BYTES = DOMAIN.getBytes(StandardCharsets.US_ASCII);

  private final byte[] hotspotBytes;
  private final PublicKey owner;
  private final TokenAmount beaconRewards;
  private final TokenAmount witnessRewards;
  private final TokenAmount dataTransferRewards;
  private final String hotspotText;
  private PublicKey hotspot; // decoded on first use; immutable, so a racy fill is harmless

  /**
   * A leaf.
   *
   * @param hotspot the rewarded hotspot's key; not null; unique within an epoch
   * @param owner the wallet the hotspot's rewards go to in this epoch; not null
   * @param beaconRewards rewards for beacons sent; not null
   * @param witnessRewards rewards for witnesses heard; not null
   * @param dataTransferRewards rewards for data carried; not null
   * @throws NullPointerException if any part is null
   * @throws ArithmeticException if the total exceeds {@link Long#MAX_VALUE} base units
   */
  public RewardLeaf(
      PublicKey hotspot,
      PublicKey owner,
      TokenAmount beaconRewards,
      TokenAmount witnessRewards,
      TokenAmount dataTransferRewards) {
    this(
        Objects.requireNonNull(hotspot, "hotspot").toBytes(),
        null,
        owner,
        beaconRewards,
        witnessRewards,
        dataTransferRewards);
    this.hotspot = hotspot;
  }

  private RewardLeaf(
      byte[] hotspotBytes,
      String hotspotText,
      PublicKey owner,
      TokenAmount beaconRewards,
      TokenAmount witnessRewards,
      TokenAmount dataTransferRewards) {
    this.hotspotBytes = hotspotBytes;
    this.hotspotText = hotspotText;
    this.owner = Objects.requireNonNull(owner, "owner");
    this.beaconRewards = Objects.requireNonNull(beaconRewards, "beaconRewards");
    this.witnessRewards = Objects.requireNonNull(witnessRewards, "witnessRewards");
    this.dataTransferRewards = Objects.requireNonNull(dataTransferRewards, "dataTransferRewards");
    beaconRewards.plus(witnessRewards).plus(dataTransferRewards);
  }

  /**
   * A leaf for a hotspot key as rewards stored it (base58check text of a key that was validated
   * when it entered the store). The text's checksum, version, length and tag are checked here; the
   * Ed25519 curve point is checked only if {@link #hotspot()} is called.
   *
   * @param hotspotBase58 the stored base58check text of the 33-byte tagged key; not null
   * @param owner the wallet; not null
   * @param beaconRewards rewards for beacons sent; not null
   * @param witnessRewards rewards for witnesses heard; not null
   * @param dataTransferRewards rewards for data carried; not null
   * @return the leaf
   * @throws MalformedKeyException if the text is not base58check of a 33-byte tagged key
   * @throws ArithmeticException if the total exceeds {@link Long#MAX_VALUE} base units
   */
  public static RewardLeaf ofStoredHotspot(
      String hotspotBase58,
      PublicKey owner,
      TokenAmount beaconRewards,
      TokenAmount witnessRewards,
      TokenAmount dataTransferRewards) {
    byte[] tagged = Base58.decodeCheck(Objects.requireNonNull(hotspotBase58, "hotspotBase58"));
    if (tagged.length != PublicKey.LENGTH) {
      throw new MalformedKeyException(
          "stored hotspot key: expected " + PublicKey.LENGTH + " bytes, got " + tagged.length);
    }
    Network.fromTag(tagged[0]);
    KeyType.fromTag(tagged[0]);
    return new RewardLeaf(
        tagged, hotspotBase58, owner, beaconRewards, witnessRewards, dataTransferRewards);
  }

  /**
   * The rewarded hotspot's key.
   *
   * @return the key
   * @throws MalformedKeyException if the leaf came from {@link #ofStoredHotspot} with bytes that
   *     are no valid key
   */
  public PublicKey hotspot() {
    PublicKey key = hotspot;
    if (key == null) {
      key = PublicKey.fromBytes(hotspotBytes);
      hotspot = key;
    }
    return key;
  }

  /**
   * The hotspot key's base58check text, as {@code hotspot().toBase58()} but without decoding the
   * curve point, and without encoding again when the leaf was built from the text.
   *
   * @return the text
   */
  public String hotspotBase58() {
    return hotspotText != null ? hotspotText : Base58.encodeCheck(hotspotBytes);
  }

  /**
   * The wallet the hotspot's rewards go to in this epoch.
   *
   * @return the owner key
   */
  public PublicKey owner() {
    return owner;
  }

  /**
   * Rewards for beacons sent.
   *
   * @return the amount
   */
  public TokenAmount beaconRewards() {
    return beaconRewards;
  }

  /**
   * Rewards for witnesses heard.
   *
   * @return the amount
   */
  public TokenAmount witnessRewards() {
    return witnessRewards;
  }

  /**
   * Rewards for data carried.
   *
   * @return the amount
   */
  public TokenAmount dataTransferRewards() {
    return dataTransferRewards;
  }

  /**
   * The sum of the three amounts.
   *
   * @return beacon + witness + data transfer rewards
   */
  public TokenAmount total() {
    return beaconRewards.plus(witnessRewards).plus(dataTransferRewards);
  }

  /**
   * The canonical binary form that the Merkle leaf hash covers.
   *
   * @return a fresh {@value #CANONICAL_LENGTH}-byte array
   */
  public byte[] canonicalBytes() {
    return ByteBuffer.allocate(CANONICAL_LENGTH)
        .put(DOMAIN_BYTES)
        .put(hotspotBytes)
        .put(owner.toBytes())
        .putLong(beaconRewards.baseUnits())
        .putLong(witnessRewards.baseUnits())
        .putLong(dataTransferRewards.baseUnits())
        .array();
  }

  /** The hotspot's tagged key bytes, not copied: for ordering and lookups in this package. */
  byte[] hotspotKeyBytes() {
    return hotspotBytes;
  }

  /**
   * Parses the canonical binary form.
   *
   * @param bytes exactly {@value #CANONICAL_LENGTH} bytes; not null
   * @return the leaf
   * @throws MalformedLedgerBytesException if the length, prefix, a key or an amount (top bit set)
   *     is not valid
   */
  public static RewardLeaf fromCanonicalBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != CANONICAL_LENGTH) {
      throw new MalformedLedgerBytesException(
          "reward leaf: expected " + CANONICAL_LENGTH + " bytes, got " + bytes.length);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Canonical.expectPrefix(in, DOMAIN_BYTES, "reward leaf");
    try {
      PublicKey hotspot = PublicKey.fromBytes(Canonical.take(in, PublicKey.LENGTH));
      PublicKey owner = PublicKey.fromBytes(Canonical.take(in, PublicKey.LENGTH));
      TokenAmount beacon = Canonical.amount(in, "reward leaf beacon");
      TokenAmount witness = Canonical.amount(in, "reward leaf witness");
      TokenAmount data = Canonical.amount(in, "reward leaf data transfer");
      return new RewardLeaf(hotspot, owner, beacon, witness, data);
    } catch (MalformedKeyException e) {
      throw new MalformedLedgerBytesException("reward leaf: " + e.getMessage());
    } catch (ArithmeticException e) {
      throw new MalformedLedgerBytesException("reward leaf: total exceeds " + Long.MAX_VALUE);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RewardLeaf that
        && Arrays.equals(hotspotBytes, that.hotspotBytes)
        && owner.equals(that.owner)
        && beaconRewards.equals(that.beaconRewards)
        && witnessRewards.equals(that.witnessRewards)
        && dataTransferRewards.equals(that.dataTransferRewards);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(hotspotBytes), owner, beaconRewards, witnessRewards, dataTransferRewards);
  }

  @Override
  public String toString() {
    return "RewardLeaf[hotspot="
        + hotspotBase58()
        + ", owner="
        + owner
        + ", beaconRewards="
        + beaconRewards
        + ", witnessRewards="
        + witnessRewards
        + ", dataTransferRewards="
        + dataTransferRewards
        + "]";
  }
}
