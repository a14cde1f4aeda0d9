/**
 * Radio facts: regions and their beacon channel plans, LoRa datarates and time on air.
 *
 * <ul>
 *   <li><b>Channel plan</b>: the ordered beacon channels of a region, its bandwidth, its maximum
 *       EIRP in tenths of a dBm, the size-to-spreading-factor table, duty-cycle sub-bands and the
 *       dwell-time limit (radio.md §2.2, §3.3).
 *   <li><b>Datarate</b>: spreading factor and bandwidth, written {@code SF12BW125}.
 *   <li><b>Time on air</b>: exact, in microseconds, from the SX1276 formula (radio.md §3.1).
 * </ul>
 */
package org.hexproof.core.radio;
