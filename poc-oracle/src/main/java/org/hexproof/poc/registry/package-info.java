/**
 * The hotspot registry: onboarding (a signed {@code HotspotOnboarding} naming the owner wallet),
 * location assertions (a signed {@code LocationAssertion}; the cell is stored at resolution 12, the
 * nonce must increase, the region is declared or {@link org.hexproof.poc.registry.RegionDerivation
 * derived}), and the denylist of keys and unordered key pairs ("edges"). Stored in schema {@code
 * poc}.
 */
package org.hexproof.poc.registry;
