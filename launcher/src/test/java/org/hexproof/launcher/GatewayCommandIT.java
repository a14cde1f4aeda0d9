package org.hexproof.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hexproof.gateway.emulator.EmulatedForwarder;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.udp.UdpTransport;
import org.junit.jupiter.api.Test;

/** `hexproof gateway` starts the UDP server and its HTTP views in one process. */
class GatewayCommandIT {

  @Test
  void a_forwarder_that_connects_is_listed_over_http() throws Exception {
    try (ApplicationContext context = GatewayCommand.start(0, "127.0.0.1", 0)) {
      int udpPort = context.getBean(UdpTransport.class).localAddress().getPort();
      int httpPort = context.getBean(EmbeddedServer.class).getPort();
      try (EmulatedForwarder forwarder =
          new EmulatedForwarder(
              Eui64.parse("0016C001FF10A235"),
              new InetSocketAddress(InetAddress.getLoopbackAddress(), udpPort))) {
        assertThat(forwarder.pullData(Duration.ofSeconds(2))).isTrue();
      }

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + httpPort + "/v1/gateways"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("\"eui\":\"0016C001FF10A235\"")
          .contains("\"online\":true");
    }
  }
}
