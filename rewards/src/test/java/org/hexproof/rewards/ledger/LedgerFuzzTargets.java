package org.hexproof.rewards.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hexproof.core.testing.fuzz.FuzzTarget;

/**
 * The ledger's stored binary forms as fuzz targets: {@link MintManifest#fromCanonicalBytes} and
 * {@link RewardLeaf#fromCanonicalBytes} return a value whose canonical bytes are the input, or
 * throw {@link MalformedLedgerBytesException}. These are the bytes {@code hexproof ledger verify}
 * reads back from PostgreSQL, so a damaged row must be refused by name, never crash the audit.
 */
public final class LedgerFuzzTargets {
  private LedgerFuzzTargets() {}

  /** Manifests from a valid three-entry chain. */
  public static FuzzTarget mintManifest() {
    List<byte[]> seeds =
        Fixtures.validLedger(new Random(7), 3).entries().stream()
            .map(e -> e.manifest().canonicalBytes())
            .toList();
    return FuzzTarget.of(
        "mint-manifest",
        seeds,
        List.of(MalformedLedgerBytesException.class),
        input -> roundTrips(input, MintManifest.fromCanonicalBytes(input).canonicalBytes()));
  }

  /** Reward leaves of a few hotspots. */
  public static FuzzTarget rewardLeaf() {
    return FuzzTarget.of(
        "reward-leaf",
        List.of(
            Fixtures.leaf(1, 1, 10, 20, 30).canonicalBytes(),
            Fixtures.leaf(2, 3, 0, 0, 1).canonicalBytes()),
        List.of(MalformedLedgerBytesException.class),
        input -> roundTrips(input, RewardLeaf.fromCanonicalBytes(input).canonicalBytes()));
  }

  private static void roundTrips(byte[] input, byte[] canonical) {
    if (!Arrays.equals(input, canonical)) {
      throw new AssertionError("accepted bytes that do not round-trip");
    }
  }
}
