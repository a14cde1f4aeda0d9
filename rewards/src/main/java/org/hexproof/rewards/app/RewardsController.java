package org.hexproof.rewards.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HexFormat;
import java.util.Map;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;
import org.hexproof.rewards.ledger.LedgerEntry;
import org.hexproof.rewards.ledger.MerkleProof;
import org.hexproof.rewards.ledger.MerkleTree;
import org.hexproof.rewards.ledger.MintManifest;
import org.hexproof.rewards.ledger.RewardLeaf;
import org.hexproof.rewards.store.EpochStore;
import org.hexproof.rewards.store.HotspotEpochShares;
import org.hexproof.rewards.store.PostgresLedgerStore;
import org.hexproof.support.http.BadRequestException;

/** Read-only views of minted epochs, hotspot rewards, wallet balances and Merkle proofs. */
@Controller("/v1/rewards")
@Requires(property = RewardsFactory.ENABLED, value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RewardsController {
  private static final HexFormat HEX = HexFormat.of();

  private final PostgresLedgerStore ledger;
  private final EpochStore epochs;
  private final RewardsConfig config;

  RewardsController(PostgresLedgerStore ledger, EpochStore epochs, RewardsConfig config) {
    this.ledger = ledger;
    this.epochs = epochs;
    this.config = config;
  }

  /** An epoch's mint: totals, manifest hash, signatures, unallocated; 404 if not minted. */
  @Get("/epochs/{epoch}")
  RewardsViews.EpochSummaryView epoch(String epoch) {
    long index = epochIndex(epoch);
    LedgerEntry entry = entry(index);
    MintManifest m = entry.manifest();
    EpochStore.Accounting a = epochs.accounting(index).orElseThrow();
    long beacon = 0;
    long witness = 0;
    long data = 0;
    for (RewardLeaf leaf : entry.leaves()) {
      beacon += leaf.beaconRewards().baseUnits();
      witness += leaf.witnessRewards().baseUnits();
      data += leaf.dataTransferRewards().baseUnits();
    }
    return new RewardsViews.EpochSummaryView(
        index,
        m.epochStart().toString(),
        m.epochEnd().toString(),
        m.sequence(),
        HEX.formatHex(m.hash()),
        HEX.formatHex(m.previousHash()),
        HEX.formatHex(m.merkleRoot()),
        m.leafCount(),
        m.totalMinted().baseUnits(),
        m.unallocated().baseUnits(),
        a.emission().baseUnits(),
        a.operations().baseUnits(),
        a.oracles().baseUnits(),
        a.notHandled().baseUnits(),
        beacon,
        witness,
        data,
        config.tokenDecimals(),
        entry.signatures().stream()
            .map(
                s ->
                    new RewardsViews.SignatureView(
                        s.oracle().toBase58(), HEX.formatHex(s.signature())))
            .toList());
  }

  /** A hotspot's amounts in an epoch with the shares and PoC counts behind them. */
  @Get("/epochs/{epoch}/hotspots/{key}")
  RewardsViews.HotspotRewardView hotspot(String epoch, String key) {
    long index = epochIndex(epoch);
    PublicKey hotspot = key("hotspot key", key);
    LedgerEntry entry = entry(index);
    HotspotEpochShares shares =
        epochs
            .hotspotShares(index, hotspot)
            .orElseThrow(
                () ->
                    new HttpStatusException(
                        HttpStatus.NOT_FOUND,
                        "hotspot " + hotspot + " has no shares in epoch " + index));
    RewardLeaf leaf =
        MerkleTree.of(entry.leaves())
            .leaf(hotspot)
            .orElse(
                new RewardLeaf(
                    hotspot, shares.owner(), TokenAmount.ZERO, TokenAmount.ZERO, TokenAmount.ZERO));
    return new RewardsViews.HotspotRewardView(
        index,
        hotspot.toBase58(),
        leaf.owner().toBase58(),
        leaf.beaconRewards().baseUnits(),
        leaf.witnessRewards().baseUnits(),
        leaf.dataTransferRewards().baseUnits(),
        leaf.total().baseUnits(),
        shares.beaconShares().stripTrailingZeros().toPlainString(),
        shares.witnessShares().stripTrailingZeros().toPlainString(),
        shares.dcTransferred(),
        shares.beacons(),
        shares.witnesses());
  }

  /**
   * A hotspot's rewards per minted epoch, oldest first (the map's hotspot panel charts them); an
   * empty list for a hotspot never paid.
   */
  @Get("/hotspots/{key}/epochs{?limit}")
  RewardsViews.HotspotHistoryView history(String key, @Nullable String limit) {
    PublicKey hotspot = key("hotspot key", key);
    int epochsWanted = limit == null ? 30 : limit(limit);
    return new RewardsViews.HotspotHistoryView(
        hotspot.toBase58(),
        config.tokenDecimals(),
        epochs.hotspotHistory(hotspot, epochsWanted).stream()
            .map(
                e ->
                    new RewardsViews.HotspotEpochView(
                        e.epoch(), e.beacon(), e.witness(), e.dataTransfer(), e.total()))
            .toList());
  }

  /** A wallet's cumulative balance; 0 for a wallet never paid. */
  @Get("/wallets/{key}")
  RewardsViews.WalletView wallet(String key) {
    PublicKey wallet = key("wallet key", key);
    EpochStore.WalletBalance balance =
        epochs.wallet(wallet).orElse(new EpochStore.WalletBalance(wallet, TokenAmount.ZERO, -1));
    return new RewardsViews.WalletView(
        wallet.toBase58(),
        balance.balance().baseUnits(),
        balance.balance().toDecimalString(config.tokenDecimals()),
        balance.lastEpoch());
  }

  /** A hotspot's Merkle inclusion proof in an epoch ({@link ProofJson}). */
  @Get("/epochs/{epoch}/proofs/{key}")
  Map<String, Object> proof(String epoch, String key) {
    long index = epochIndex(epoch);
    PublicKey hotspot = key("hotspot key", key);
    LedgerEntry entry = entry(index);
    MerkleTree tree = MerkleTree.of(entry.leaves());
    MerkleProof proof =
        tree.proof(hotspot)
            .orElseThrow(
                () ->
                    new HttpStatusException(
                        HttpStatus.NOT_FOUND,
                        "hotspot " + hotspot + " has no leaf in epoch " + index));
    return ProofJson.toJson(
        index, tree.leaf(hotspot).orElseThrow(), proof, entry.manifest().merkleRoot());
  }

  private LedgerEntry entry(long index) {
    return ledger
        .findByEpoch(index)
        .orElseThrow(
            () -> new HttpStatusException(HttpStatus.NOT_FOUND, "epoch " + index + " not minted"));
  }

  private static long epochIndex(String text) {
    try {
      long index = Long.parseLong(text);
      if (index >= 0) {
        return index;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestException("epoch: expected a whole number ≥ 0, got '" + text + "'");
  }

  /** Parsed here, not by the framework, so that a bad value gets the API's problem JSON. */
  private static int limit(String text) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 1 && value <= 1000) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestException("limit: expected an integer in 1..1000, got '" + text + "'");
  }

  private static PublicKey key(String what, String text) {
    try {
      return PublicKey.fromBase58(text);
    } catch (MalformedKeyException e) {
      throw new BadRequestException(what + ": " + e.getMessage());
    }
  }
}
