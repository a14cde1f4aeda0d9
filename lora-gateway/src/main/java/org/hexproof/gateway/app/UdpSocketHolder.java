package org.hexproof.gateway.app;

import java.net.InetSocketAddress;
import org.hexproof.gateway.udp.UdpTransport;

/**
 * Breaks the construction cycle between the server (which sends through the socket) and the socket
 * (which hands datagrams to the server): the server sends through this holder, which the transport
 * fills once it is bound.
 */
final class UdpSocketHolder {
  private volatile UdpTransport transport;

  void set(UdpTransport bound) {
    transport = bound;
  }

  void send(byte[] datagram, InetSocketAddress to) {
    UdpTransport current = transport;
    if (current == null) {
      throw new IllegalStateException("UDP socket not bound yet");
    }
    current.send(datagram, to);
  }
}
