/**
 * The only package of lora-gateway that touches sockets: a UDP transport that moves datagrams and
 * their sender addresses between the network and the protocol code, on one receive thread.
 */
package org.hexproof.gateway.udp;
