package org.hexproof.gateway.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.semtech.GwmpCodec;
import org.hexproof.gateway.semtech.GwmpPacket;
import org.hexproof.gateway.semtech.MalformedDatagramException;
import org.hexproof.gateway.semtech.PullAck;
import org.hexproof.gateway.semtech.PullData;
import org.hexproof.gateway.semtech.PullResp;
import org.hexproof.gateway.semtech.PushAck;
import org.hexproof.gateway.semtech.PushData;
import org.hexproof.gateway.semtech.PushPayload;
import org.hexproof.gateway.semtech.Token;
import org.hexproof.gateway.semtech.TxAck;
import org.hexproof.gateway.semtech.Txpk;

/**
 * A Semtech packet forwarder on a real loopback UDP socket, for tests, field-tests and the devnet:
 * sends PULL_DATA and PUSH_DATA and waits for their ACKs, and answers each PULL_RESP with a TX_ACK
 * as its {@link TxAckBehaviour} says. Like lora_pkt_fwd, it ignores replies whose token it did not
 * send (radio.md §1.4).
 */
public final class EmulatedForwarder implements AutoCloseable {
  private final Eui64 eui;
  private final InetSocketAddress server;
  private final DatagramSocket socket;
  private final Map<Integer, CompletableFuture<Void>> awaitingAck = new ConcurrentHashMap<>();
  private final BlockingQueue<Txpk> downlinks = new LinkedBlockingQueue<>();
  private final List<Txpk> allDownlinks = new CopyOnWriteArrayList<>();
  private final Thread receiver;
  private volatile TxAckBehaviour txAckBehaviour = TxAckBehaviour.accept();

  /**
   * Binds a socket on 127.0.0.1 and starts listening.
   *
   * @param eui the gateway EUI it announces
   * @param server the hexproof gateway server's UDP address
   */
  public EmulatedForwarder(Eui64 eui, InetSocketAddress server) {
    this.eui = Objects.requireNonNull(eui, "eui");
    this.server = Objects.requireNonNull(server, "server");
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (SocketException e) {
      throw new UncheckedIOException("cannot bind an emulated forwarder: " + e.getMessage(), e);
    }
    receiver = new Thread(this::receiveLoop, "emulated-forwarder-" + eui);
    receiver.setDaemon(true);
    receiver.start();
  }

  /** The EUI this forwarder announces. */
  public Eui64 eui() {
    return eui;
  }

  /** How the next PULL_RESP is answered. */
  public void answerDownlinksWith(TxAckBehaviour behaviour) {
    txAckBehaviour = Objects.requireNonNull(behaviour, "behaviour");
  }

  /** Sends a PULL_DATA keep-alive; true when the PULL_ACK came back in time. */
  public boolean pullData(Duration timeout) {
    Token token = newToken();
    return sendAndAwaitAck(token, new PullData(token, eui).encode(), timeout);
  }

  /** Sends a PUSH_DATA; true when the PUSH_ACK came back in time. */
  public boolean push(PushPayload payload, Duration timeout) {
    Token token = newToken();
    return sendAndAwaitAck(token, new PushData(token, eui, payload).encode(), timeout);
  }

  /** Sends arbitrary bytes to the server (for malformed-input tests). */
  public void sendRaw(byte[] datagram) {
    send(datagram);
  }

  /** Waits for the next downlink the server sent. */
  public Txpk awaitDownlink(Duration timeout) throws InterruptedException, TimeoutException {
    Txpk txpk = downlinks.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (txpk == null) {
      throw new TimeoutException("no PULL_RESP within " + timeout);
    }
    return txpk;
  }

  /** Every downlink received so far. */
  public List<Txpk> downlinks() {
    return List.copyOf(allDownlinks);
  }

  private boolean sendAndAwaitAck(Token token, byte[] datagram, Duration timeout) {
    CompletableFuture<Void> ack = new CompletableFuture<>();
    awaitingAck.put(token.wireBits(), ack);
    try {
      send(datagram);
      ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      awaitingAck.remove(token.wireBits());
    }
  }

  private void receiveLoop() {
    byte[] buffer = new byte[65_535];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    while (!socket.isClosed()) {
      try {
        packet.setLength(buffer.length);
        socket.receive(packet);
      } catch (IOException e) {
        continue;
      }
      byte[] datagram = Arrays.copyOf(buffer, packet.getLength());
      GwmpPacket decoded;
      try {
        decoded = GwmpCodec.decode(datagram);
      } catch (MalformedDatagramException e) {
        continue; // lora_pkt_fwd ignores what it cannot parse
      }
      if (decoded instanceof PullAck || decoded instanceof PushAck) {
        CompletableFuture<Void> waiting = awaitingAck.get(decoded.token().wireBits());
        if (waiting != null) {
          waiting.complete(null);
        }
      } else if (decoded instanceof PullResp resp) {
        allDownlinks.add(resp.txpk());
        downlinks.add(resp.txpk());
        if (txAckBehaviour instanceof TxAckBehaviour.Reply reply) {
          send(new TxAck(resp.token(), eui, reply.body()).encode());
        }
      }
    }
  }

  private void send(byte[] datagram) {
    try {
      socket.send(new DatagramPacket(datagram, datagram.length, server));
    } catch (IOException e) {
      throw new UncheckedIOException("emulated forwarder cannot send: " + e.getMessage(), e);
    }
  }

  private static Token newToken() {
    int bits = ThreadLocalRandom.current().nextInt(0x1_0000);
    return Token.of((byte) (bits >> 8), (byte) bits);
  }

  /** Closes the socket; the receive thread ends. */
  @Override
  public void close() {
    socket.close();
    try {
      receiver.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
