package org.hexproof.rewards.close;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.rewards.ledger.RewardLeaf;
import org.hexproof.rewards.payout.EpochPayout;
import org.hexproof.rewards.payout.HotspotPayout;
import org.hexproof.rewards.payout.HotspotShares;
import org.hexproof.rewards.payout.PayoutCalculator;
import org.hexproof.rewards.store.EpochShares;

/**
 * The pure step of epoch close: an epoch's payouts (poc-rules.md §6, {@link PayoutCalculator}) and
 * the ledger leaves they make, one per hotspot that earns something, paid to its owner in the
 * epoch.
 *
 * @param payout the epoch's payouts, unallocated amount and pools
 * @param leaves the leaves, in hotspot key text order (the ledger sorts them into its own order)
 */
public record EpochLeaves(EpochPayout payout, List<RewardLeaf> leaves) {
  /**
   * Validates.
   *
   * @throws NullPointerException if a part is null
   */
  public EpochLeaves {
    Objects.requireNonNull(payout, "payout");
    leaves = List.copyOf(leaves);
  }

  /**
   * Computes an epoch's payouts and leaves.
   *
   * @param shares the epoch's shares; not null
   * @param epoch the epoch; not null
   * @param settings the emission schedule and price; not null
   * @return the payouts and leaves
   * @throws org.hexproof.core.keys.MalformedKeyException if a stored hotspot key is not valid
   */
  public static EpochLeaves compute(EpochShares shares, Epoch epoch, CloseSettings settings) {
    List<HotspotShares> input = new ArrayList<>(shares.size());
    for (int i = 0; i < shares.size(); i++) {
      input.add(
          new HotspotShares(
              shares.hotspot(i),
              shares.beaconShares(i),
              shares.witnessShares(i),
              shares.dcTransferred(i)));
    }
    EpochPayout payout =
        PayoutCalculator.calculate(
            settings.schedule().emissionFor(epoch),
            settings.schedule().tokenDecimals(),
            settings.priceUsd(),
            input);
    // both in id order (the shares come sorted by key text), the payouts a subsequence
    List<HotspotPayout> paid = payout.hotspots();
    int[] row = new int[paid.size()];
    for (int k = 0, i = 0; k < row.length; k++, i++) {
      while (!shares.hotspot(i).equals(paid.get(k).id())) {
        i++;
      }
      row[k] = i;
    }
    // decoding a million base58 keys is seconds of work: spread it over the cores
    RewardLeaf[] built = new RewardLeaf[row.length];
    IntStream.range(0, row.length)
        .parallel()
        .forEach(
            k -> {
              HotspotPayout p = paid.get(k);
              built[k] =
                  RewardLeaf.ofStoredHotspot(
                      shares.hotspot(row[k]),
                      shares.owner(row[k]),
                      p.beacon(),
                      p.witness(),
                      p.dataTransfer());
            });
    return new EpochLeaves(payout, Arrays.asList(built));
  }
}
