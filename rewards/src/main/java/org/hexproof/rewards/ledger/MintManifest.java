package org.hexproof.rewards.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.token.TokenAmount;

/**
 * What oracles sign for one epoch's mint: the ledger position, the epoch, the Merkle root of its
 * {@link RewardLeaf}s and their count, the total minted, the part of the epoch's pool left
 * unallocated, and the previous entry's hash. It is a pure function of its inputs, so independent
 * oracle operators build it byte for byte alike.
 *
 * <p>{@link #canonicalBytes()} is the fixed {@value #CANONICAL_LENGTH}-byte layout given in {@link
 * org.hexproof.rewards.ledger}; {@link #hash()} is its SHA-256, which is both the ledger entry's
 * hash (the next entry's {@code previousHash}) and the message oracles sign.
 *
 * @param sequence the entry's position in the ledger, ≥ 0; the genesis entry is 0
 * @param epochIndex the rewarded epoch's index, ≥ 0
 * @param epochStart the epoch's first instant (inclusive); not null
 * @param epochEnd the epoch's end (exclusive); not null, after {@code epochStart}
 * @param merkleRoot the {@link MerkleTree} root over the epoch's leaves, 32 bytes; copied
 * @param leafCount the number of leaves, ≥ 0
 * @param totalMinted the sum of the leaves' totals; not null
 * @param unallocated the part of the epoch's pool that no leaf received (so pool = minted +
 *     unallocated); not null; recorded, not minted
 * @param previousHash the previous entry's {@link #hash()}, or 32 zero bytes for the genesis entry;
 *     copied
 */
public record MintManifest(
    long sequence,
    long epochIndex,
    Instant epochStart,
    Instant epochEnd,
    byte[] merkleRoot,
    long leafCount,
    TokenAmount totalMinted,
    TokenAmount unallocated,
    byte[] previousHash) {

  /** Domain-separation prefix of the canonical bytes, 16 ASCII bytes. */
  public static final String DOMAIN = "hexproof-mint-v1";

  /** Layout version byte that follows the prefix. */
  public static final byte VERSION = 1;

  /** Length of {@link #canonicalBytes()}: 16 + 1 + 8 + 8 + 12 + 12 + 32 + 8 + 8 + 8 + 32. */
  public static final int CANONICAL_LENGTH = 16 + 1 + 2 * 8 + 2 * 12 + 32 + 3 * 8 + 32;

  private static final byte[] DOMAIN_BYTES = DOMAIN.getBytes(StandardCharsets.US_ASCII);

  /**
   * Validates and copies the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if a number is negative, the epoch does not end after it
   *     starts, a hash is not 32 bytes, or minted + unallocated exceeds {@link Long#MAX_VALUE}
   */
  public MintManifest {
    Objects.requireNonNull(epochStart, "epochStart");
    Objects.requireNonNull(epochEnd, "epochEnd");
    Objects.requireNonNull(totalMinted, "totalMinted");
    Objects.requireNonNull(unallocated, "unallocated");
    merkleRoot = Sha256.requireDigest(merkleRoot, "merkleRoot");
    previousHash = Sha256.requireDigest(previousHash, "previousHash");
    if (sequence < 0 || epochIndex < 0 || leafCount < 0) {
      throw new IllegalArgumentException(
          String.format(
              "expected sequence, epochIndex and leafCount ≥ 0, got %d, %d, %d",
              sequence, epochIndex, leafCount));
    }
    if (!epochEnd.isAfter(epochStart)) {
      throw new IllegalArgumentException(
          "expected epochEnd after epochStart, got " + epochStart + " to " + epochEnd);
    }
    if (Long.MAX_VALUE - totalMinted.baseUnits() < unallocated.baseUnits()) {
      throw new IllegalArgumentException(
          "totalMinted + unallocated: expected ≤ " + Long.MAX_VALUE + " base units");
    }
  }

  /**
   * Builds the manifest of an epoch's mint from its leaves.
   *
   * @param sequence the entry's ledger position, ≥ 0
   * @param epoch the rewarded epoch; not null
   * @param tree the epoch's leaves; not null
   * @param unallocated the part of the epoch's pool no leaf received; not null
   * @param previousHash the previous entry's hash, or {@link #genesisPreviousHash()}; 32 bytes
   * @return the manifest
   * @throws ArithmeticException if the leaves' total exceeds {@link Long#MAX_VALUE} base units
   */
  public static MintManifest forEpoch(
      long sequence, Epoch epoch, MerkleTree tree, TokenAmount unallocated, byte[] previousHash) {
    return new MintManifest(
        sequence,
        epoch.index(),
        epoch.start(),
        epoch.end(),
        tree.root(),
        tree.size(),
        tree.total(),
        unallocated,
        previousHash);
  }

  /**
   * The previous hash of the genesis entry.
   *
   * @return 32 fresh zero bytes
   */
  public static byte[] genesisPreviousHash() {
    return new byte[Sha256.LENGTH];
  }

  @Override
  public byte[] merkleRoot() {
    return merkleRoot.clone();
  }

  @Override
  public byte[] previousHash() {
    return previousHash.clone();
  }

  /**
   * The canonical binary form that {@link #hash()} covers.
   *
   * @return a fresh {@value #CANONICAL_LENGTH}-byte array
   */
  public byte[] canonicalBytes() {
    return ByteBuffer.allocate(CANONICAL_LENGTH)
        .put(DOMAIN_BYTES)
        .put(VERSION)
        .putLong(sequence)
        .putLong(epochIndex)
        .putLong(epochStart.getEpochSecond())
        .putInt(epochStart.getNano())
        .putLong(epochEnd.getEpochSecond())
        .putInt(epochEnd.getNano())
        .put(merkleRoot)
        .putLong(leafCount)
        .putLong(totalMinted.baseUnits())
        .putLong(unallocated.baseUnits())
        .put(previousHash)
        .array();
  }

  /**
   * The entry hash: SHA-256 of {@link #canonicalBytes()}. Oracles sign it, and the next entry holds
   * it as {@code previousHash}.
   *
   * @return a fresh 32-byte digest
   */
  public byte[] hash() {
    return Sha256.digest(canonicalBytes());
  }

  /**
   * Parses the canonical binary form.
   *
   * @param bytes exactly {@value #CANONICAL_LENGTH} bytes; not null
   * @return the manifest, whose {@link #canonicalBytes()} equal {@code bytes}
   * @throws MalformedLedgerBytesException if the length, prefix, version or a field is not valid
   */
  public static MintManifest fromCanonicalBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != CANONICAL_LENGTH) {
      throw new MalformedLedgerBytesException(
          "mint manifest: expected " + CANONICAL_LENGTH + " bytes, got " + bytes.length);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Canonical.expectPrefix(in, DOMAIN_BYTES, "mint manifest");
    byte version = in.get();
    if (version != VERSION) {
      throw new MalformedLedgerBytesException(
          "mint manifest: expected version " + VERSION + ", got " + version);
    }
    long sequence = Canonical.unsigned63(in, "mint manifest sequence");
    long epochIndex = Canonical.unsigned63(in, "mint manifest epoch index");
    Instant start = instant(in, "mint manifest epoch start");
    Instant end = instant(in, "mint manifest epoch end");
    byte[] root = Canonical.take(in, Sha256.LENGTH);
    long leafCount = Canonical.unsigned63(in, "mint manifest leaf count");
    TokenAmount minted = Canonical.amount(in, "mint manifest total minted");
    TokenAmount unallocated = Canonical.amount(in, "mint manifest unallocated");
    byte[] previous = Canonical.take(in, Sha256.LENGTH);
    try {
      return new MintManifest(
          sequence, epochIndex, start, end, root, leafCount, minted, unallocated, previous);
    } catch (IllegalArgumentException e) {
      throw new MalformedLedgerBytesException("mint manifest: " + e.getMessage());
    }
  }

  private static Instant instant(ByteBuffer in, String what) {
    long seconds = in.getLong();
    int nanos = in.getInt();
    if (nanos < 0 || nanos > 999_999_999) {
      throw new MalformedLedgerBytesException(
          what
              + ": expected nanoseconds in [0, 999999999], got "
              + Integer.toUnsignedString(nanos));
    }
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException e) {
      throw new MalformedLedgerBytesException(
          what + ": " + seconds + " s is outside Instant's range");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MintManifest that
        && Arrays.equals(canonicalBytes(), that.canonicalBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(canonicalBytes());
  }

  @Override
  public String toString() {
    return String.format(
        "MintManifest[sequence=%d, epochIndex=%d, epochStart=%s, epochEnd=%s, merkleRoot=%s,"
            + " leafCount=%d, totalMinted=%d, unallocated=%d, previousHash=%s]",
        sequence,
        epochIndex,
        epochStart,
        epochEnd,
        Canonical.hex(merkleRoot),
        leafCount,
        totalMinted.baseUnits(),
        unallocated.baseUnits(),
        Canonical.hex(previousHash));
  }
}
