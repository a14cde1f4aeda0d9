/**
 * Regional transmit rules a gateway obeys before it keys up: duty cycle, dwell time, EIRP and band
 * edges. Pure: no I/O; time comes from an injected {@link java.time.Clock} and from the requests'
 * own start instants. Refusals are {@link org.hexproof.gateway.regulation.TransmitDecision.Refused}
 * values, never exceptions.
 *
 * <ul>
 *   <li><b>Time on air</b>: how long one transmission keeps the carrier on, {@code [start, end)}
 *       (for LoRa, the SX1276 formula of radio.md §3.1).
 *   <li><b>Sub-band</b>: a slice of a region's spectrum with its own duty-cycle limit, {@code
 *       [lowHz, highHz)} by carrier centre frequency (EU868, ETSI EN 300 220 / ERC Rec 70-03:
 *       863–865 0.1 %, 865–868 1 %, 868.0–868.6 1 %, 868.7–869.2 0.1 %, 869.4–869.65 10 %,
 *       869.7–870 1 %; AS923 as LoRaMac-node: 915–928 1 %). Airtime in one sub-band never counts
 *       against another.
 *   <li><b>Duty cycle</b>: the largest fraction of a window a device may spend transmitting in a
 *       sub-band, in basis points (1 % = 100), so the budget per window is {@code W × bp / 10000}
 *       (36 000 ms per hour at 1 %).
 *   <li><b>Window</b>: the sliding observation period {@code W} over which airtime is summed; any
 *       continuous period of that length, not clock hours. One hour by default, the observation
 *       period ERC Rec 70-03 defines and EN 300 220 tests. A transmission is charged whole to every
 *       window it overlaps and stops counting against a later one that starts at or after its end
 *       plus {@code W}.
 *   <li><b>Dwell time</b>: the longest a single transmission may stay on one channel (400 ms in
 *       US915, AU915 and AS923; none in EU868).
 *   <li><b>EIRP</b>: radiated power, {@code 10 · conducted dBm + antenna gain ddBi}, in tenths of a
 *       dBm, at most the plan's {@code max_eirp}.
 * </ul>
 *
 * <p>Invariant: for every sub-band and every window, the airtime a {@link
 * org.hexproof.gateway.regulation.DutyCycleLedger} has admitted never exceeds the budget, however
 * many threads call it.
 */
package org.hexproof.gateway.regulation;
