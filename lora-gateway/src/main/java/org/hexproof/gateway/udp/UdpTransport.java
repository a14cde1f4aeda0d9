package org.hexproof.gateway.udp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP socket with one receive thread: moves datagrams between the network and a {@link
 * DatagramHandler} and nothing else (no protocol knowledge). Start with {@link #start()}, stop with
 * {@link #close()}.
 */
public final class UdpTransport implements AutoCloseable {
  /** Largest UDP payload (radio.md §1.4: semtech-udp's maximum). */
  public static final int MAX_DATAGRAM_BYTES = 65_535;

  private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);

  private final InetSocketAddress bindAddress;
  private final DatagramHandler handler;
  private final AtomicLong handlerFailures = new AtomicLong();
  private volatile DatagramSocket socket;
  private volatile Thread receiver;

  /**
   * @param bindAddress where to listen; port 0 picks a free one
   * @param handler called for every datagram on the receive thread
   */
  public UdpTransport(InetSocketAddress bindAddress, DatagramHandler handler) {
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /**
   * Binds the socket and starts the receive thread.
   *
   * @throws UncheckedIOException when the address cannot be bound (port in use, no permission)
   */
  public synchronized void start() {
    if (socket != null) {
      throw new IllegalStateException("UDP transport already started on " + localAddress());
    }
    try {
      DatagramSocket bound = new DatagramSocket(null);
      bound.setReuseAddress(false);
      bound.setReceiveBufferSize(4 * 1024 * 1024);
      bound.bind(bindAddress);
      socket = bound;
    } catch (SocketException e) {
      throw new UncheckedIOException("cannot bind UDP " + bindAddress + ": " + e.getMessage(), e);
    }
    Thread thread = new Thread(this::receiveLoop, "gwmp-udp-" + localAddress().getPort());
    thread.setDaemon(true);
    receiver = thread;
    thread.start();
  }

  /** The bound address (with the real port when 0 was asked for). */
  public InetSocketAddress localAddress() {
    DatagramSocket current = socket;
    if (current == null) {
      throw new IllegalStateException("UDP transport not started");
    }
    return (InetSocketAddress) current.getLocalSocketAddress();
  }

  /**
   * Sends one datagram.
   *
   * @throws UncheckedIOException when the socket cannot send
   */
  public void send(byte[] datagram, InetSocketAddress to) {
    DatagramSocket current = socket;
    if (current == null) {
      throw new IllegalStateException("UDP transport not started");
    }
    try {
      current.send(new DatagramPacket(datagram, datagram.length, to));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send UDP to " + to + ": " + e.getMessage(), e);
    }
  }

  /** How many datagrams the handler failed on (each logged, none stopped the loop). */
  public long handlerFailures() {
    return handlerFailures.get();
  }

  private void receiveLoop() {
    byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    DatagramSocket current = socket;
    while (!current.isClosed()) {
      try {
        packet.setLength(buffer.length);
        current.receive(packet);
      } catch (IOException e) {
        if (!current.isClosed()) {
          LOG.warn("UDP receive on {} failed: {}", bindAddress, e.getMessage());
        }
        continue;
      }
      byte[] datagram = Arrays.copyOfRange(buffer, packet.getOffset(), packet.getLength());
      InetSocketAddress sender = (InetSocketAddress) packet.getSocketAddress();
      try {
        handler.onDatagram(datagram, sender);
      } catch (RuntimeException e) {
        // One bad datagram or handler bug must not stop the server for every other gateway.
        handlerFailures.incrementAndGet();
        LOG.error("datagram handler failed for {} bytes from {}", datagram.length, sender, e);
      }
    }
  }

  /** Closes the socket and waits briefly for the receive thread to end. */
  @Override
  public synchronized void close() {
    DatagramSocket current = socket;
    if (current == null) {
      return;
    }
    current.close();
    Thread thread = receiver;
    if (thread != null) {
      try {
        thread.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    socket = null;
    receiver = null;
  }
}
