/**
 * Epochs: fixed-length, half-open time periods counted from the Unix epoch.
 *
 * <dl>
 *   <dt>Epoch
 *   <dd>Period {@code index} of a given length: [1970-01-01T00:00Z + index × length, + length). The
 *       start is inclusive and the end exclusive, so every instant at or after the Unix epoch is in
 *       exactly one epoch of a given length.
 *   <dt>Reward epoch
 *   <dd>One UTC day; day {@code e} is the one with {@code e = unix_seconds / 86400}, matching
 *       Helium's {@code EpochInfo}. Other lengths (e.g. 10 minutes in tests) work the same way.
 * </dl>
 *
 * <p>Nothing here reads a clock; callers pass instants in.
 */
package org.hexproof.core.epoch;
