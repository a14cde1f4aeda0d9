package org.hexproof.poc.verify;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one PoC.
 *
 * @param beacon the beacon's verdict, including HIP 106 ({@code gateway_no_valid_witnesses})
 * @param witnesses one result per witness report in receive order, self-witnesses of a valid beacon
 *     left out; every report of an invalid PoC gets the beacon's reason on the beaconer side
 * @param hexScale the beaconer's transmit scale for a valid PoC (4 decimals); 0 for an invalid PoC,
 *     which earns nothing
 * @param rewardUnits units for the beaconer and for each selected witness; zero when invalid
 * @param stateUpdates timestamps the caller must persist, in the order they arose
 */
public record PocResult(
    Verdict beacon,
    List<WitnessResult> witnesses,
    BigDecimal hexScale,
    RewardUnits rewardUnits,
    List<StateUpdate> stateUpdates) {

  /** Validates and copies. */
  public PocResult {
    Objects.requireNonNull(beacon, "beacon");
    Objects.requireNonNull(hexScale, "hexScale");
    Objects.requireNonNull(rewardUnits, "rewardUnits");
    witnesses = List.copyOf(witnesses);
    stateUpdates = List.copyOf(stateUpdates);
  }
}
