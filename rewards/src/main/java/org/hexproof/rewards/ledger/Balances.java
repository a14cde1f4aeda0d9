package org.hexproof.rewards.ledger;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;

/**
 * Cumulative lifetime rewards after the first {@code entryCount} ledger entries: per owner wallet
 * and per hotspot, each the sum of every leaf total minted to it. Totals, never deltas: a claim
 * pays {@code balance − already paid}, so replaying it pays nothing (coverage-rewards.md §2.2).
 * Keys with nothing minted are absent; {@link #wallet} and {@link #hotspot} read them as zero.
 *
 * @param entryCount how many entries, from genesis, the balances cover; ≥ 0
 * @param byWallet balance per owner wallet; not null; copied into a sorted map
 * @param byHotspot lifetime rewards per hotspot; not null; copied into a sorted map
 */
public record Balances(
    long entryCount,
    SortedMap<PublicKey, TokenAmount> byWallet,
    SortedMap<PublicKey, TokenAmount> byHotspot) {

  /**
   * Validates and copies the parts.
   *
   * @throws IllegalArgumentException if {@code entryCount} is negative
   */
  public Balances {
    if (entryCount < 0) {
      throw new IllegalArgumentException("entryCount: expected ≥ 0, got " + entryCount);
    }
    byWallet = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(byWallet)));
    byHotspot = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(byHotspot)));
  }

  /**
   * Sums the mints of entries, from genesis, without checking them.
   *
   * @param entries entries in sequence order; not null
   * @return the balances after all of them
   * @throws ArithmeticException if a balance exceeds {@link Long#MAX_VALUE} base units
   */
  public static Balances of(List<LedgerEntry> entries) {
    SortedMap<PublicKey, TokenAmount> wallets = new TreeMap<>();
    SortedMap<PublicKey, TokenAmount> hotspots = new TreeMap<>();
    for (LedgerEntry entry : entries) {
      for (RewardLeaf leaf : entry.leaves()) {
        wallets.merge(leaf.owner(), leaf.total(), TokenAmount::plus);
        hotspots.merge(leaf.hotspot(), leaf.total(), TokenAmount::plus);
      }
    }
    return new Balances(entries.size(), wallets, hotspots);
  }

  /**
   * A wallet's balance.
   *
   * @param wallet the wallet key; not null
   * @return its cumulative rewards, zero if none
   */
  public TokenAmount wallet(PublicKey wallet) {
    return byWallet.getOrDefault(Objects.requireNonNull(wallet, "wallet"), TokenAmount.ZERO);
  }

  /**
   * A hotspot's lifetime rewards.
   *
   * @param hotspot the hotspot key; not null
   * @return its cumulative rewards, zero if none
   */
  public TokenAmount hotspot(PublicKey hotspot) {
    return byHotspot.getOrDefault(Objects.requireNonNull(hotspot, "hotspot"), TokenAmount.ZERO);
  }

  /**
   * Everything minted.
   *
   * @return the sum of all wallet balances
   */
  public TokenAmount total() {
    return byWallet.values().stream().reduce(TokenAmount.ZERO, TokenAmount::plus);
  }

  /**
   * The first difference from another table, for a verification detail.
   *
   * @param other the table to compare with; not null
   * @return a description of the first differing wallet or hotspot, or empty if none differs
   */
  Optional<String> firstDifference(Balances other) {
    Optional<String> wallet = firstDifference("wallet", byWallet, other.byWallet);
    return wallet.isPresent() ? wallet : firstDifference("hotspot", byHotspot, other.byHotspot);
  }

  private static Optional<String> firstDifference(
      String kind, Map<PublicKey, TokenAmount> expected, Map<PublicKey, TokenAmount> actual) {
    SortedMap<PublicKey, Boolean> keys = new TreeMap<>();
    expected.keySet().forEach(k -> keys.put(k, true));
    actual.keySet().forEach(k -> keys.put(k, true));
    for (PublicKey key : keys.keySet()) {
      TokenAmount want = expected.getOrDefault(key, TokenAmount.ZERO);
      TokenAmount got = actual.getOrDefault(key, TokenAmount.ZERO);
      if (!want.equals(got)) {
        return Optional.of(
            kind
                + " "
                + key
                + ": mints sum to "
                + want.baseUnits()
                + " base units, table says "
                + got.baseUnits());
      }
    }
    return Optional.empty();
  }
}
