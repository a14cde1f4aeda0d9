/**
 * An emulated Semtech packet forwarder on a real loopback UDP socket, reused by the gateway's
 * integration tests, field-tests and the devnet.
 */
package org.hexproof.gateway.emulator;
