/**
 * Fleet scenarios: {@link org.hexproof.fieldtests.fleet.FleetPlan} says which hotspots stand where
 * in a {@link org.hexproof.fieldtests.sites.City}, with which radio (serial LoRa modules,
 * concentrator gateways, WiFi modules), and which of them cheat.
 *
 * <p>Terms: a hotspot's <em>site</em> is where its antenna stands on the simulated air; its
 * <em>asserted</em> location is what it tells the oracle. Honest hotspots assert their site. Every
 * cheat is a change at the hotspot's edge (what it asserts, reports or transmits, or where it
 * stands) or an operator's denylist entry; the oracle is never changed.
 */
package org.hexproof.fieldtests.fleet;
