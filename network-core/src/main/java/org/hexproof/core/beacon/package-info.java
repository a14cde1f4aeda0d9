/**
 * Beacons: what a hotspot transmits to prove its coverage.
 *
 * <ul>
 *   <li><b>Remote entropy</b>: the oracle's current entropy value; a beacon built from it cannot
 *       have been made before it was published.
 *   <li><b>Local entropy</b>: 4 random bytes of the hotspot, so two hotspots never build the same
 *       beacon from the same remote entropy.
 *   <li><b>Beacon</b>: 51 bytes derived from both, sent as a 52-byte LoRaWAN Proprietary frame
 *       ({@code 0xE0 ‖ data}) on a channel and datarate that the bytes and the region select.
 * </ul>
 *
 * The derivation is Helium's, byte for byte (radio.md §2.2), so beacons from Helium gateway
 * software verify here and the other way round.
 */
package org.hexproof.core.beacon;
