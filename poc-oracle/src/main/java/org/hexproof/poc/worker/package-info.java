/**
 * The verifier worker: claims a batch of beacons whose entropy window has closed, gathers their
 * context from the database in a fixed number of queries, runs the pure {@link
 * org.hexproof.poc.verify.PocVerifier} on each, and writes verdicts, state updates, feed entries
 * and their seal with set-based statements in one transaction; closes stale reports. The hex
 * density map it verifies with is cached in {@link org.hexproof.poc.worker.DensityCache}.
 */
package org.hexproof.poc.worker;
