/**
 * Semtech UDP packet-forwarder (GWMP v2) server: concentrator gateways connect to it, beacons go
 * out as txpk, received beacons come back as rxpk, with duty-cycle and dwell-time accounting per
 * region.
 *
 * <p>Nothing lives here yet; README.md lists the module's role and the issue that builds it.
 */
package org.hexproof.gateway;
