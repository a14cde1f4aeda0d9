/**
 * Epoch payouts: the emission split into pools and the gateway pools paid out by shares, in whole
 * base units (poc-rules.md §6).
 *
 * <dl>
 *   <dt>Emission (E)
 *   <dd>The epoch's whole emission in base units (for HNT, 10⁻⁸ token).
 *   <dt>Pools
 *   <dd>Beacon 6 %, witness 24 %, data transfer 50 % (capped at the value of the DC spent; the
 *       unused part goes 20 % to beacons and 80 % to witnesses), operations 7 %, oracles 7 %; the
 *       remaining 6 % (veHNT) is not handled here. See {@link
 *       org.hexproof.rewards.payout.EpochPools} for the exact rounding and where each base unit
 *       goes.
 *   <dt>Shares
 *   <dd>Per hotspot: beacon and witness shares (Σ hex scale × reward unit) and DC transferred.
 *   <dt>Unallocated
 *   <dd>What the three gateway pools did not pay out after flooring each payout.
 * </dl>
 *
 * <p>Invariant: Σ payouts + unallocated + operations + oracles + not handled = E, exactly. Money is
 * {@code long} base units ({@link org.hexproof.core.token.TokenAmount}); {@code BigDecimal} appears
 * only inside the calculation and for the exact fractional pools.
 */
package org.hexproof.rewards.payout;
