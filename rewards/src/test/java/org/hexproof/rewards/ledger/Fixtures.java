package org.hexproof.rewards.ledger;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hexproof.core.epoch.Epoch;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.keys.Network;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.token.TokenAmount;

/** Deterministic keys, leaves and valid chains for the ledger tests. */
final class Fixtures {
  static final Ed25519KeyPair ORACLE_A = keyPair(1, 1);
  static final Ed25519KeyPair ORACLE_B = keyPair(1, 2);
  static final Ed25519KeyPair ORACLE_C = keyPair(1, 3);
  static final Ed25519KeyPair OUTSIDER = keyPair(1, 99);

  /** Three oracles, two must sign. */
  static final OracleQuorum TWO_OF_THREE =
      new OracleQuorum(Set.of(ORACLE_A.publicKey(), ORACLE_B.publicKey(), ORACLE_C.publicKey()), 2);

  private static final int HOTSPOT_KIND = 2;
  private static final int WALLET_KIND = 3;

  private Fixtures() {}

  static Ed25519KeyPair keyPair(int kind, int index) {
    byte[] seed =
        ByteBuffer.allocate(Ed25519KeyPair.SEED_LENGTH).putInt(kind).putInt(index).array();
    return Ed25519KeyPair.fromSeed(Network.TESTNET, seed);
  }

  static PublicKey hotspot(int index) {
    return keyPair(HOTSPOT_KIND, index).publicKey();
  }

  static PublicKey wallet(int index) {
    return keyPair(WALLET_KIND, index).publicKey();
  }

  static RewardLeaf leaf(int hotspot, int wallet, long beacon, long witness, long data) {
    return new RewardLeaf(
        hotspot(hotspot),
        wallet(wallet),
        TokenAmount.of(beacon),
        TokenAmount.of(witness),
        TokenAmount.of(data));
  }

  /** Between 1 and {@code maxLeaves} leaves, hotspots drawn from 0..19, wallets from 0..3. */
  static List<RewardLeaf> randomLeaves(Random random, int maxLeaves) {
    List<Integer> hotspots = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      hotspots.add(i);
    }
    java.util.Collections.shuffle(hotspots, random);
    int count = 1 + random.nextInt(maxLeaves);
    List<RewardLeaf> leaves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leaves.add(
          leaf(
              hotspots.get(i),
              random.nextInt(4),
              random.nextInt(1_000_000),
              random.nextInt(1_000_000),
              random.nextInt(1_000_000)));
    }
    return leaves;
  }

  static LedgerEntry signedEntry(
      MintManifest manifest, List<RewardLeaf> leaves, Ed25519KeyPair... signers) {
    List<OracleSignature> signatures = new ArrayList<>();
    for (Ed25519KeyPair signer : signers) {
      signatures.add(OracleSignature.sign(signer, manifest));
    }
    return new LedgerEntry(manifest, signatures, leaves);
  }

  /** Mints the next epoch after the ledger's last (epoch 19000 first), signed by A and B. */
  static LedgerEntry nextEntry(Ledger ledger, List<RewardLeaf> leaves) {
    long epoch = ledger.latest().map(e -> e.epochIndex() + 1).orElse(19_000L);
    MintManifest manifest = ledger.nextManifest(Epoch.ofDay(epoch), leaves, TokenAmount.of(7));
    return signedEntry(manifest, leaves, ORACLE_A, ORACLE_B);
  }

  /** A valid ledger of {@code entries} random mints under {@link #TWO_OF_THREE}. */
  static Ledger validLedger(Random random, int entries) {
    Ledger ledger = new Ledger(TWO_OF_THREE, new InMemoryLedgerStore());
    for (int i = 0; i < entries; i++) {
      AppendOutcome outcome = ledger.append(nextEntry(ledger, randomLeaves(random, 6)));
      if (!(outcome instanceof AppendOutcome.Appended)) {
        throw new AssertionError("fixture chain refused: " + outcome);
      }
    }
    return ledger;
  }
}
