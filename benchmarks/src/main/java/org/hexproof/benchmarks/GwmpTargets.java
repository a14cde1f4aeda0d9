package org.hexproof.benchmarks;

import static org.hexproof.benchmarks.GwmpThroughput.*;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.PullData;
import org.hexproof.gateway.semtech.Rxpk;
import org.hexproof.gateway.semtech.Token;
import org.hexproof.gateway.server.GatewayRegistry;
import org.hexproof.gateway.server.GatewayServer;
import org.hexproof.gateway.server.GatewayStatus;
import org.hexproof.gateway.server.UplinkListener;
import org.hexproof.gateway.server.WitnessFields;
import org.hexproof.gateway.udp.UdpTransport;

/** The two UDP servers GwmpThroughput loads: the bare echo ceiling and the GWMP server. */
final class GwmpTargets {
  private GwmpTargets() {}

  // ---------------------------------------------------------------------------------------------
  // targets

  /** A UDP server the clients load. */
  interface Target extends AutoCloseable {
    InetSocketAddress address();

    /** The thread that receives and answers datagrams, for its CPU time. */
    Thread serverThread();

    /** Prepares a gateway's socket (e.g. PULL_DATA) before the load starts. */
    void register(DatagramSocket socket, Eui64 eui) throws IOException;

    @Override
    void close();
  }

  /** The physical limit: receive into a 64 KiB buffer, send back 4 bytes with the same token. */
  static final class EchoServer implements Target {
    final AtomicLong received = new AtomicLong();
    private final DatagramSocket socket;
    private final Thread thread;

    EchoServer() throws IOException {
      socket = new DatagramSocket(null);
      socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
      socket.bind(new InetSocketAddress(LOOPBACK, 0));
      thread = new Thread(this::loop, "udp-echo");
      thread.setDaemon(true);
      thread.start();
    }

    private void loop() {
      byte[] buffer = new byte[UdpTransport.MAX_DATAGRAM_BYTES];
      DatagramPacket in = new DatagramPacket(buffer, buffer.length);
      byte[] ack = new byte[4];
      DatagramPacket out = new DatagramPacket(ack, 4);
      while (!socket.isClosed()) {
        try {
          in.setLength(buffer.length);
          socket.receive(in);
          received.incrementAndGet();
          ack[0] = buffer[0];
          ack[1] = buffer[1];
          ack[2] = buffer[2];
          ack[3] = PUSH_ACK;
          out.setSocketAddress(in.getSocketAddress());
          socket.send(out);
        } catch (IOException e) {
          // closed at the end of the run, or one failed send: the client counts it as lost
        }
      }
    }

    @Override
    public InetSocketAddress address() {
      return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public Thread serverThread() {
      return thread;
    }

    @Override
    public void register(DatagramSocket client, Eui64 eui) {}

    @Override
    public void close() {
      socket.close();
      try {
        thread.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** lora-gateway's server: registry, GatewayServer and UdpTransport, wired as the app does. */
  static final class GwmpTarget implements Target {
    private final List<Eui64> euis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final GatewayRegistry registry =
        new GatewayRegistry(Clock.systemUTC(), GatewayRegistry.DEFAULT_OFFLINE_AFTER);
    private final LongAdder beacons = new LongAdder();
    private final LongAdder others = new LongAdder();
    private final GatewayServer server;
    private final UdpTransport transport;

    GwmpTarget(List<Eui64> euis) {
      this.euis = euis;
      UplinkListener counting =
          new UplinkListener() {
            @Override
            public void onBeacon(WitnessFields witness) {
              beacons.increment();
            }

            @Override
            public void onPacket(Eui64 gateway, Rxpk packet) {
              others.increment();
            }
          };
      UdpTransport[] holder = new UdpTransport[1];
      server =
          new GatewayServer(
              registry, (d, to) -> holder[0].send(d, to), counting, timer, Duration.ofSeconds(1));
      transport = new UdpTransport(new InetSocketAddress(LOOPBACK, 0), server);
      holder[0] = transport;
      transport.start();
    }

    @Override
    public InetSocketAddress address() {
      return transport.localAddress();
    }

    @Override
    public Thread serverThread() {
      String name = "gwmp-udp-" + address().getPort();
      return Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no thread " + name));
    }

    @Override
    public void register(DatagramSocket socket, Eui64 eui) throws IOException {
      byte[] pull = new PullData(Token.of((byte) 0x50, (byte) 0x4c), eui).encode();
      socket.send(new DatagramPacket(pull, pull.length));
      byte[] reply = new byte[16];
      DatagramPacket in = new DatagramPacket(reply, reply.length);
      socket.receive(in);
      if (in.getLength() != 4
          || reply[1] != pull[1]
          || reply[2] != pull[2]
          || reply[3] != PULL_ACK) {
        throw new IllegalStateException(
            "PULL_DATA from " + eui + " got " + HEX.formatHex(reply, 0, in.getLength()));
      }
    }

    /**
     * Checks that the server did the whole job for every datagram and returns how many PUSH_DATA it
     * handled.
     */
    long check() {
      // The server sends PUSH_ACK before it updates the registry and calls the listener, so the
      // last datagram may still be in progress when its ACK arrived: stop the receive thread first.
      transport.close();
      long pushData = 0;
      for (Eui64 eui : euis) {
        GatewayStatus status =
            registry.status(eui).orElseThrow(() -> new IllegalStateException("no gateway " + eui));
        pushData += status.pushData();
        if (status.beaconsHeard() != status.pushData() || status.rxPackets() != status.pushData()) {
          throw new IllegalStateException("not every PUSH_DATA was a witnessed beacon: " + status);
        }
      }
      long malformed = server.malformedCounts().values().stream().mapToLong(Long::longValue).sum();
      if (beacons.sum() != pushData
          || others.sum() != 0
          || malformed != 0
          || transport.handlerFailures() != 0) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "server check failed: %d PUSH_DATA, %d beacons, %d other packets, %d malformed,"
                    + " %d handler failures",
                pushData,
                beacons.sum(),
                others.sum(),
                malformed,
                transport.handlerFailures()));
      }
      return pushData;
    }

    @Override
    public void close() {
      transport.close();
      timer.shutdownNow();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // clients

}
