/**
 * Epoch close: reward pools and per-hotspot payouts in integer base units ({@code payout}), minted
 * exactly once into an append-only, hash-chained, signed ledger with per-epoch Merkle roots,
 * balances and proofs.
 */
package org.hexproof.rewards;
