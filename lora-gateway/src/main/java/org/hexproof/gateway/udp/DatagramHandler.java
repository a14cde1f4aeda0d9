package org.hexproof.gateway.udp;

import java.net.InetSocketAddress;

/** Receives each datagram the transport reads; runs on the transport's receive thread. */
@FunctionalInterface
public interface DatagramHandler {
  /**
   * Handles one datagram. Must not block for long: the next datagram waits.
   *
   * @param datagram the bytes received, a fresh array the handler may keep
   * @param sender where it came from
   */
  void onDatagram(byte[] datagram, InetSocketAddress sender);
}
