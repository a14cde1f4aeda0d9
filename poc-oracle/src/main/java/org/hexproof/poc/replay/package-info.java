/**
 * Replays one PoC from a scenario file (DESIGN.md "Scenario format for {@code hexproof verify}")
 * through the verifier and renders the verdicts as JSON.
 *
 * <p><b>Input.</b> {@code regions} is optional: when absent the built-in plans of network-core are
 * used; when present it is the complete set of region parameters the oracle has loaded, so a
 * beaconer in an unlisted region makes the verifier throw {@code UnverifiableBeaconException}
 * (Helium retries such a beacon rather than invalidating it). {@code location} is an H3 index in
 * decimal or hex, or {@code null}/absent for a hotspot that has not asserted. Optional fields and
 * their defaults: {@code elevation_m} 0, {@code capability} {@code "full"}, {@code denied} false,
 * {@code last_*_at} null, {@code denied_edges} and {@code witnesses} empty, {@code entropy.version}
 * 0, {@code snr_ddb} 0, {@code max_witnesses} the profile's 14, {@code now} informational only (the
 * rules use receive times). Unknown fields are errors, so typos do not go unnoticed. Times are
 * ISO-8601 UTC ({@code 2023-02-23T14:50:30.123Z}). A report whose {@code hotspot} is not in {@code
 * hotspots} is from an unknown gateway ({@code gateway_not_found}). Malformed input throws {@link
 * org.hexproof.poc.replay.ScenarioException} naming the JSON path.
 *
 * <p><b>Profile.</b> A beaconer in {@code WIFI-2G4} runs under {@code RuleProfile.wifi()}, every
 * other under {@code RuleProfile.heliumIot2025()}.
 *
 * <p><b>Output.</b> {@code {"beacon": {"verdict": "valid"|"invalid", "reason"}, "witnesses":
 * [{"hotspot", "verdict", "reason", "selected"}], "hex_scale", "reward_units": {"beaconer",
 * "witness"}}}. For a valid verdict {@code reason} is {@code null} (the key is always present, so
 * every object has one shape); for an invalid one it is the lower-snake-case reason name of
 * poc-rules.md §4. Witnesses are in receive order; self-witnesses of a valid beacon are left out.
 * {@code hex_scale} is the beaconer's scale for a valid PoC and 0 for an invalid one; {@code
 * reward_units.witness} is what each selected witness earns. Decimals are written plain with
 * trailing zeros stripped ({@code 0.264}, {@code 1}).
 */
package org.hexproof.poc.replay;
