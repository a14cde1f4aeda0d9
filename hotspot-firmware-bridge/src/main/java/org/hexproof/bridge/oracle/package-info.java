/**
 * The hotspot's client of the oracle's HTTP API ({@link org.hexproof.bridge.oracle.OracleClient}).
 *
 * <p>Outcome mapping: 2xx is accepted; 4xx is a permanent rejection carrying the problem detail
 * (the outbox parks the record); 5xx, other statuses, connection failures and timeouts are
 * "unavailable" (the outbox retries). An onboarding answered 409 is accepted: the hotspot is
 * already known.
 */
package org.hexproof.bridge.oracle;
