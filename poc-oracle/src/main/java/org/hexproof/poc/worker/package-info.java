/**
 * The verifier worker: claims beacons whose entropy window has closed, gathers their context from
 * the database, runs the pure {@link org.hexproof.poc.verify.PocVerifier}, and writes verdicts,
 * state updates and the feed entry in one transaction; closes stale reports. The hex density map it
 * verifies with is cached in {@link org.hexproof.poc.worker.DensityCache}.
 */
package org.hexproof.poc.worker;
