/**
 * Epoch close: reward units, shares, pools and emission schedule, minted exactly once into an
 * append-only, hash-chained, signed ledger with per-epoch Merkle roots, balances and proofs.
 *
 * <p>Nothing lives here yet; README.md lists the module's role and the issue that builds it.
 */
package org.hexproof.rewards;
