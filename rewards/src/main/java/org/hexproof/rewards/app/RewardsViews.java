package org.hexproof.rewards.app;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** The JSON bodies of the rewards API; amounts are base units, hashes lower-case hex. */
final class RewardsViews {
  private RewardsViews() {}

  /**
   * One oracle signature.
   *
   * @param oracle base58 key
   * @param signature 64 bytes, hex
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  record SignatureView(String oracle, String signature) {}

  /**
   * An epoch's mint and accounting.
   *
   * @param epoch index
   * @param start first instant
   * @param end end (exclusive)
   * @param sequence ledger position
   * @param manifestHash SHA-256 of the canonical manifest, what the oracles signed
   * @param previousHash the previous entry's hash
   * @param merkleRoot root over the leaves
   * @param leafCount number of rewarded hotspots
   * @param totalMinted Σ leaves
   * @param unallocated gateway pools minus payouts
   * @param emission the epoch's emission E
   * @param operations 7 % of E
   * @param oracles 7 % of E
   * @param notHandled the veHNT 6 % and flooring dust
   * @param beaconTotal Σ beacon amounts
   * @param witnessTotal Σ witness amounts
   * @param dataTransferTotal Σ data-transfer amounts
   * @param tokenDecimals decimals of the amounts
   * @param signatures the oracles' signatures over the manifest hash
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  record EpochSummaryView(
      long epoch,
      String start,
      String end,
      long sequence,
      String manifestHash,
      String previousHash,
      String merkleRoot,
      long leafCount,
      long totalMinted,
      long unallocated,
      long emission,
      long operations,
      long oracles,
      long notHandled,
      long beaconTotal,
      long witnessTotal,
      long dataTransferTotal,
      int tokenDecimals,
      List<SignatureView> signatures) {}

  /**
   * A hotspot's reward in an epoch, with the shares and PoC counts behind it.
   *
   * @param epoch index
   * @param hotspot base58 key
   * @param owner base58 wallet paid
   * @param beaconAmount from the beacon pool
   * @param witnessAmount from the witness pool
   * @param dataTransferAmount from the data-transfer pool
   * @param totalAmount the sum
   * @param beaconShares Σ hex_scale × unit of its beacons, exact decimal text
   * @param witnessShares Σ beaconer hex_scale × unit of its witnesses, exact decimal text
   * @param dcTransferred data credits of packets carried
   * @param beacons rewarded beacons
   * @param witnesses rewarded witnesses
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  record HotspotRewardView(
      long epoch,
      String hotspot,
      String owner,
      long beaconAmount,
      long witnessAmount,
      long dataTransferAmount,
      long totalAmount,
      String beaconShares,
      String witnessShares,
      long dcTransferred,
      int beacons,
      int witnesses) {}

  /**
   * A wallet's cumulative balance.
   *
   * @param wallet base58 key
   * @param balance base units
   * @param balanceTokens the same in whole tokens, decimal text
   * @param lastEpoch the last epoch that paid it, or -1 if none
   */
  @Serdeable(naming = SnakeCaseStrategy.class)
  record WalletView(String wallet, long balance, String balanceTokens, long lastEpoch) {}

  /** One epoch of a hotspot's reward history, base units. */
  @Serdeable(naming = SnakeCaseStrategy.class)
  record HotspotEpochView(long epoch, long beacon, long witness, long dataTransfer, long total) {}

  /** A hotspot's rewards per minted epoch, oldest first, for charts. */
  @Serdeable(naming = SnakeCaseStrategy.class)
  record HotspotHistoryView(String hotspot, int tokenDecimals, List<HotspotEpochView> epochs) {}
}
