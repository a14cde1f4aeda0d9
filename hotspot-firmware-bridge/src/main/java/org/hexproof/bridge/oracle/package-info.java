/**
 * The hotspot's client of the oracle's HTTP API ({@link org.hexproof.bridge.oracle.OracleClient}).
 *
 * <p>Outcome mapping: 2xx is accepted; 4xx is a permanent rejection carrying the problem detail
 * (the outbox parks the record); 5xx, other statuses, connection failures and timeouts are
 * "unavailable" (the outbox retries). An onboarding answered 409 is accepted: the hotspot is
 * already known. A batch of reports is answered 200 with one result per report, each mapped the
 * same way except that a 429 result is "unavailable"; any other answer to a batch is "unavailable"
 * for all of them, except 404 (the oracle has no batch endpoint) and 413 (more reports than it
 * takes at once).
 */
package org.hexproof.bridge.oracle;
