/**
 * Beacons out through concentrator gateways: the txpk gateway-rs would send, after the region's
 * duty-cycle and dwell-time rules have allowed it.
 */
package org.hexproof.gateway.beacon;
