package org.hexproof.fieldtests.forwarder;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.hexproof.gateway.server.GatewayRegistry;
import org.hexproof.gateway.server.GatewayServer;
import org.hexproof.gateway.server.UplinkListener;
import org.hexproof.gateway.udp.UdpTransport;

/** A real lora-gateway server on a UDP port of 127.0.0.1 for forwarders to connect to. */
public final class LoopbackGateway implements AutoCloseable {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final GatewayServer server;
  private final UdpTransport transport;

  /**
   * Starts listening.
   *
   * @param listener receives what the forwarders hear
   */
  public LoopbackGateway(UplinkListener listener) {
    UdpTransport[] holder = new UdpTransport[1];
    server =
        new GatewayServer(
            new GatewayRegistry(Clock.systemUTC(), Duration.ofSeconds(60)),
            (datagram, to) -> holder[0].send(datagram, to),
            listener,
            timer,
            Duration.ofSeconds(1));
    transport =
        new UdpTransport(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), server);
    holder[0] = transport;
    transport.start();
  }

  /** Where forwarders send to. */
  public InetSocketAddress address() {
    return transport.localAddress();
  }

  /** The server, e.g. to send downlinks through. */
  public GatewayServer server() {
    return server;
  }

  @Override
  public void close() {
    transport.close();
    timer.shutdownNow();
  }
}
