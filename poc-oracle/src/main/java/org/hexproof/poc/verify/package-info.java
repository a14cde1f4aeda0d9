/**
 * The PoC verifier: Helium's IoT oracle rules (docs: reference/poc-rules.md) as pure functions.
 *
 * <p><b>Terms.</b> A <i>PoC</i> is one beacon report and the witness reports joined to it. A
 * <i>verdict</i> is {@link org.hexproof.poc.verify.Verdict.Valid} or {@link
 * org.hexproof.poc.verify.Verdict.Invalid} with an {@link org.hexproof.poc.verify.InvalidReason}
 * and a {@link org.hexproof.poc.verify.ParticipantSide}. Every time rule uses the oracle's receive
 * time ({@code receivedAt}), never the hotspot's clock; nothing here reads a clock, does I/O or
 * persists: {@link org.hexproof.poc.verify.PocVerifier} returns the timestamps to store as {@link
 * org.hexproof.poc.verify.StateUpdate}s. Constants live in {@link
 * org.hexproof.poc.verify.RuleProfile}.
 *
 * <p><b>Beacon rules</b> ({@code BeaconRules.RULES}, in order; first failure wins):
 *
 * <ol>
 *   <li>{@code gateway_found} — beaconer in the registry, else {@code gateway_not_found}
 *   <li>{@code asserted} — beaconer has a location, else {@code not_asserted}
 *   <li>{@code region_params} — its region's plan is loaded, else the verifier throws (not a
 *       verdict)
 *   <li>{@code not_denied} — not on the denylist, else {@code denied}
 *   <li>{@code entropy_window} — received in [start, start+180 s] in whole seconds, else {@code
 *       entropy_expired}
 *   <li>{@code full_capability} — full hotspot, else {@code invalid_capability}
 *   <li>{@code beacon_schedule} — later 6 h UTC bucket than the last beacon, else {@code
 *       irregular_interval}
 *   <li>{@code beacon_construction} — regenerated beacon matches (data, frequency, datarate, remote
 *       and local entropy; not tx power), else {@code invalid_packet}
 * </ol>
 *
 * <p><b>Witness rules</b> ({@code WitnessRules.RULES}, in order, for each report of a valid beacon,
 * ordered by receive time):
 *
 * <ol start="0">
 *   <li>{@code not_duplicate} — first report from this gateway, else {@code duplicate}
 *   <li>{@code gateway_found} — witness in the registry, else {@code gateway_not_found}
 *   <li>{@code witness_asserted} — witness has a location, else {@code not_asserted}
 *   <li>{@code beaconer_asserted} — beaconer has a location, else {@code not_asserted} (side
 *       beaconer)
 *   <li>{@code not_denied} — witness not on the denylist, else {@code denied}
 *   <li>{@code edge_not_denied} — the pair is not a denied edge, else {@code denied_edge}
 *   <li>{@code not_self} — witness is not the beaconer, else {@code self_witness}
 *   <li>{@code entropy_window} — as for the beacon, else {@code entropy_expired}
 *   <li>{@code not_too_late} — ≤ 4000 ms after the beacon, or ≤ 1500 ms after the first witness
 *       when a witness beat the beacon, else {@code too_late}
 *   <li>{@code same_data} — payload equals the beacon's, else {@code invalid_packet}
 *   <li>{@code full_capability} — full hotspot, else {@code invalid_capability}
 *   <li>{@code frequency} — |Δf| ≤ 100 kHz, else {@code invalid_frequency}
 *   <li>{@code same_region} — same region as the beaconer, else {@code invalid_region}
 *   <li>{@code min_distance} — ≥ 8 cells between res-11 parents (H3 errors fail), else {@code
 *       below_min_distance}
 *   <li>{@code max_distance} — rounded metres / 1000 ≤ 100, else {@code max_distance_exceeded}
 *   <li>{@code rssi} — signal/10.0 ≤ tx + ⌊gB/10⌋ − FSPL + ⌊gW/10⌋, else {@code bad_rssi}
 * </ol>
 *
 * <p><b>After the chains</b> ({@code PocVerifier}):
 *
 * <ol>
 *   <li>witness reciprocity (HIP 106): each witness that passed the chain gets a {@code
 *       LAST_WITNESS} update, then needs its last beacon reciprocity &lt; 48 h before its report,
 *       else {@code gateway_no_valid_beacons}
 *   <li>beaconer reciprocity (HIP 106): its last witness &lt; 48 h before the beacon, else the
 *       whole PoC is {@code gateway_no_valid_witnesses}
 *   <li>an invalid beacon gives every witness report its reason, side beaconer
 *   <li>self-witnesses are dropped; the first 14 valid witnesses by receive time are selected
 *   <li>reward units from the number of selected witnesses (HIP 15, 4 dp half-even); hex scale of
 *       the beaconer's location
 * </ol>
 */
package org.hexproof.poc.verify;
