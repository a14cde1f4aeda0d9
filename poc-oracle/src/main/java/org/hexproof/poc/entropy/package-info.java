/**
 * The oracle's entropy: a value every interval (60 s), chained by SHA-256 to the previous one,
 * signed as an {@code EntropyReport} by the oracle key. Hotspots build beacons from the latest
 * value; the verifier accepts a beacon only within the entropy's lifespan (180 s).
 */
package org.hexproof.poc.entropy;
