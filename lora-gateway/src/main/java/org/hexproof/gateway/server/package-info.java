/**
 * The GWMP server logic: gateways keyed by EUI, PULL_DATA/PUSH_DATA handshakes, downlinks matched
 * to their TX_ACK by token, beacons recognised in uplinks and turned into witness-report fields. No
 * sockets: datagrams arrive through {@link org.hexproof.gateway.udp.DatagramHandler} and leave
 * through {@link org.hexproof.gateway.server.DatagramSender}.
 */
package org.hexproof.gateway.server;
