/**
 * The shared vocabulary of hexproof: keys and signatures, H3 cells, regions and channel plans, LoRa
 * airtime, beacons, signed report messages, epochs and token amounts. Pure Java: no I/O, no
 * framework, no clock reads (callers pass times in).
 */
package org.hexproof.core;
