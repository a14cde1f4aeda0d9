package org.hexproof.gateway.server;

import java.net.InetSocketAddress;

/** Sends one datagram; the UDP transport in production, a recorder in unit tests. */
@FunctionalInterface
public interface DatagramSender {
  /** Sends {@code datagram} to {@code to}; throws an unchecked exception when it cannot. */
  void send(byte[] datagram, InetSocketAddress to);
}
