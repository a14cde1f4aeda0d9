/**
 * The mint ledger: each rewarded epoch is minted exactly once into an append-only, hash-chained
 * list of entries, each attested by a quorum of oracle keys, with a Merkle root per epoch from
 * which any hotspot's reward can be proven offline. Pure and deterministic: no I/O except through
 * {@link org.hexproof.rewards.ledger.LedgerStore}, no clock.
 *
 * <h2>Terms</h2>
 *
 * <ul>
 *   <li><b>Leaf</b> ({@link org.hexproof.rewards.ledger.RewardLeaf}): one hotspot's rewards for one
 *       epoch, paid to its owner wallet at that epoch.
 *   <li><b>Manifest</b> ({@link org.hexproof.rewards.ledger.MintManifest}): what oracles sign. It
 *       is a pure function of the epoch, its leaves, the unallocated amount and the previous entry,
 *       so independent operators produce it byte for byte alike and their signatures are over the
 *       same message.
 *   <li><b>Entry</b> ({@link org.hexproof.rewards.ledger.LedgerEntry}): manifest, signatures and
 *       leaves. Its hash is the manifest hash.
 * </ul>
 *
 * <h2>Canonical byte layouts</h2>
 *
 * Everything hashed or signed is one of these fixed layouts, never JSON. Integers are big-endian;
 * u64 fields hold values below 2<sup>63</sup> (Java {@code long} ≥ 0). Keys are the 33-byte tagged
 * form of {@link org.hexproof.core.keys.PublicKey#toBytes()}.
 *
 * <table>
 *   <caption>RewardLeaf, 106 bytes</caption>
 *   <tr><th>offset</th><th>length</th><th>field</th></tr>
 *   <tr><td>0</td><td>16</td><td>ASCII {@code "hexproof-leaf-v1"}</td></tr>
 *   <tr><td>16</td><td>33</td><td>hotspot key</td></tr>
 *   <tr><td>49</td><td>33</td><td>owner wallet key</td></tr>
 *   <tr><td>82</td><td>8</td><td>beacon rewards, u64 base units</td></tr>
 *   <tr><td>90</td><td>8</td><td>witness rewards, u64 base units</td></tr>
 *   <tr><td>98</td><td>8</td><td>data transfer rewards, u64 base units</td></tr>
 * </table>
 *
 * <table>
 *   <caption>MintManifest, 145 bytes</caption>
 *   <tr><th>offset</th><th>length</th><th>field</th></tr>
 *   <tr><td>0</td><td>16</td><td>ASCII {@code "hexproof-mint-v1"}</td></tr>
 *   <tr><td>16</td><td>1</td><td>layout version, 1</td></tr>
 *   <tr><td>17</td><td>8</td><td>ledger sequence number, u64</td></tr>
 *   <tr><td>25</td><td>8</td><td>epoch index, u64</td></tr>
 *   <tr><td>33</td><td>8 + 4</td><td>epoch start: Unix seconds i64, nanoseconds u32 (&lt; 10<sup>9</sup>)</td></tr>
 *   <tr><td>45</td><td>8 + 4</td><td>epoch end (exclusive), same encoding</td></tr>
 *   <tr><td>57</td><td>32</td><td>Merkle root</td></tr>
 *   <tr><td>89</td><td>8</td><td>leaf count, u64</td></tr>
 *   <tr><td>97</td><td>8</td><td>total minted, u64 base units</td></tr>
 *   <tr><td>105</td><td>8</td><td>unallocated, u64 base units</td></tr>
 *   <tr><td>113</td><td>32</td><td>previous entry hash (genesis: 32 zero bytes)</td></tr>
 * </table>
 *
 * <h2>Hash and signature rules</h2>
 *
 * <ul>
 *   <li>Merkle tree: RFC 6962 §2.1 with SHA-256. Leaf hash = SHA-256(0x00 ‖ leaf bytes), node hash
 *       = SHA-256(0x01 ‖ left ‖ right), so a leaf can never pass as a node. Leaves sorted by the
 *       unsigned bytes of the hotspot key, one per hotspot. n &gt; 1 leaves split at the largest
 *       power of two k &lt; n: no padding, no duplicated leaf; an odd node is carried up unchanged.
 *       The empty tree's root is SHA-256 of the empty string. Proofs are RFC 6962 audit paths,
 *       checked with the RFC 9162 §2.1.3.2 algorithm.
 *   <li>Entry hash = SHA-256(manifest bytes). The next entry's previous hash is this value.
 *       Signatures are not part of it: which k of the n oracles signed may differ between honest
 *       copies of the ledger, the manifest may not.
 *   <li>Oracle signature = pure Ed25519 (RFC 8032) by the oracle key over the 32-byte entry hash.
 *       An entry is attested when at least k distinct oracles of the configured set signed it
 *       validly; outsiders and repeats add nothing, and any stored signature that does not verify
 *       makes the entry invalid.
 * </ul>
 *
 * <h2>Invariants checked on append and, from genesis, on verify</h2>
 *
 * In {@link org.hexproof.rewards.ledger.FaultReason} order, the first failure wins: sequence =
 * position; previous hash = hash of the previous manifest; epoch index strictly increasing, epoch
 * not overlapping the previous one, start = index × length from the Unix epoch; every signature
 * valid; quorum met; Merkle root = root of the stored leaves; leaf count; total minted = sum of
 * leaf totals. A second entry for a minted epoch is refused as already minted, not as an error. On
 * verify, a supplied balance table must equal the sum of the mints it claims to cover.
 *
 * <h2>Why cumulative balances</h2>
 *
 * {@link org.hexproof.rewards.ledger.Balances} are lifetime totals per wallet and per hotspot, and
 * anything signed stores totals, never deltas (coverage-rewards.md §2.2). A payer then pays {@code
 * total − already paid}: a replayed or duplicated claim pays zero, a lost one is made up by the
 * next, and oracles that disagree can be reconciled by taking the median of their totals.
 */
package org.hexproof.rewards.ledger;
