/**
 * The hotspot's client of the oracle's HTTP API ({@link org.hexproof.bridge.oracle.OracleClient}).
 *
 * <p>Outcome mapping: 2xx is accepted; a 4xx other than 429 is a permanent rejection carrying the
 * problem detail (the outbox parks the record); 429 Too Many Requests, 5xx, other statuses,
 * connection failures and timeouts are "unavailable" (the outbox retries), carrying the wait the
 * answer's {@code Retry-After} asked for, in seconds or as a date against the answer's {@code
 * Date}, when it has a usable one. An onboarding answered 409 is accepted: the hotspot is already
 * known. A batch of reports is answered 200 with one result per report, each mapped the same way (a
 * 429 result is "unavailable"); any other answer to a batch is "unavailable" for all of them, with
 * its {@code Retry-After}, except 404 (the oracle has no batch endpoint) and 413 (more reports than
 * it takes at once).
 */
package org.hexproof.bridge.oracle;
