package org.hexproof.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hexproof.core.testing.fuzz.HostileStrings;
import org.hexproof.core.testing.fuzz.HostileStrings.Hostile;
import org.hexproof.core.testing.fuzz.Mutations;
import org.hexproof.gateway.semtech.GwmpCodec;
import org.hexproof.gateway.semtech.GwmpFuzzTargets;
import org.hexproof.gateway.semtech.MalformedDatagramException;
import org.hexproof.gateway.server.GatewayServer;
import org.hexproof.gateway.udp.UdpTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway's hostile-input matrix. HTTP: every injection-shaped string ({@link HostileStrings})
 * as the EUI of {@code GET /v1/gateways/{eui}} gets 400 with problem JSON naming what was expected,
 * and the gateway list is the same after. GWMP: datagrams the codec refuses (the malformed vectors,
 * every hostile string, and 2,000 mutants of the protocol vectors), sent over real UDP to the
 * running service, get no reply, each adds one to the dropped-datagram counters, and the gateway
 * list is the same after.
 */
@MicronautTest(environments = "gateway")
@Property(name = "hexproof.gateway.port", value = "0")
@Property(name = "hexproof.gateway.bind-address", value = "127.0.0.1")
class GatewayHostileInputIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject UdpTransport transport;
  @Inject GatewayServer server;

  @Inject
  @Client("/")
  HttpClient http;

  static Stream<Hostile> hostileStrings() {
    return HostileStrings.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileStrings")
  void a_hostile_eui_is_refused_with_400_problem_json(Hostile value) throws Exception {
    String before = gateways();
    HttpResponse<?> reply;
    String body;
    try {
      reply = http.toBlocking().exchange(HttpRequest.GET("/v1/gateways/" + value.encoded()));
      body = "";
    } catch (HttpClientResponseException e) {
      reply = e.getResponse();
      body = e.getResponse().getBody(String.class).orElse("");
    }

    if (value.raw().equals(HostileStrings.TEN_KB)) {
      // over the server's request-line limit: Micronaut refuses it before any route. In this
      // module alone that answer is Micronaut's own JSON; the launcher adds service-support,
      // whose FrameworkErrorBody makes it problem JSON (checked by the other services' matrices).
      assertThat(reply.code()).as(body).isEqualTo(413);
      assertThat(gateways()).isEqualTo(before);
      return;
    }
    assertThat(reply.code()).as(body).isEqualTo(400);
    assertThat(reply.getContentType().map(Object::toString).orElse(""))
        .as(body)
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(body);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).contains("expected");
    assertThat(gateways()).isEqualTo(before);
  }

  @Test
  void refused_datagrams_get_no_reply_are_counted_and_change_no_gateway() throws Exception {
    List<byte[]> refused = refusedDatagrams(new Random(20261125));
    assertThat(refused).as("most candidates are refused by the codec").hasSizeGreaterThan(1900);
    System.out.println("GatewayHostileInputIT: " + refused.size() + " refused datagrams over UDP");
    String before = gateways();
    long droppedBefore = dropped();
    InetSocketAddress to =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), transport.localAddress().getPort());

    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      for (byte[] datagram : refused) {
        socket.send(new DatagramPacket(datagram, datagram.length, to));
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (dropped() < droppedBefore + refused.size() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      socket.setSoTimeout(300);
      byte[] buffer = new byte[65_536];
      try {
        socket.receive(new DatagramPacket(buffer, buffer.length));
        throw new AssertionError("a refused datagram got a reply");
      } catch (SocketTimeoutException expected) {
        // no reply: the documented answer to a malformed datagram
      }
    }

    assertThat(dropped() - droppedBefore).isEqualTo(refused.size());
    assertThat(gateways()).isEqualTo(before);
  }

  /** Datagrams {@link GwmpCodec#decode} refuses, checked here before they are sent. */
  private static List<byte[]> refusedDatagrams(Random r) {
    List<byte[]> candidates = new ArrayList<>();
    for (Hostile h : HostileStrings.all()) {
      candidates.add(h.raw().getBytes(StandardCharsets.UTF_8));
      byte[] header = {2, 1, 2, 0, 1, 2, 3, 4, 5, 6, 7, 8};
      candidates.add(
          Mutations.insert(header, header.length, h.raw().getBytes(StandardCharsets.UTF_8)));
    }
    List<byte[]> seeds = GwmpFuzzTargets.codec().seeds();
    for (int i = 0; i < 2_000; i++) {
      byte[] seed = seeds.get(r.nextInt(seeds.size()));
      candidates.add(
          Mutations.mutate(
              r, seed, 1 + r.nextInt(4), Mutations.JSON_BYTES, Mutations.HOSTILE_TOKENS));
    }
    candidates.addAll(seeds);
    List<byte[]> refused = new ArrayList<>();
    for (byte[] datagram : candidates) {
      try {
        GwmpCodec.decode(datagram);
      } catch (MalformedDatagramException e) {
        refused.add(datagram);
      }
    }
    return refused;
  }

  private long dropped() {
    return server.malformedCounts().values().stream().mapToLong(Long::longValue).sum();
  }

  private String gateways() {
    return http.toBlocking().retrieve("/v1/gateways");
  }
}
