package org.hexproof.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.hexproof.gateway.emulator.EmulatedForwarder;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.udp.UdpTransport;
import org.junit.jupiter.api.Test;

/** The gateway service as `hexproof gateway` runs it: UDP socket, HTTP views, metrics. */
@MicronautTest(environments = "gateway")
@Property(name = "hexproof.gateway.port", value = "0")
@Property(name = "hexproof.gateway.bind-address", value = "127.0.0.1")
class GatewayApplicationIT {
  @Inject UdpTransport transport;
  @Inject GatewayConfig config;

  @Inject
  @Client("/")
  HttpClient http;

  private EmulatedForwarder forwarder(String eui) {
    InetSocketAddress udp =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), transport.localAddress().getPort());
    return new EmulatedForwarder(Eui64.parse(eui), udp);
  }

  private void get(String path) {
    http.toBlocking().retrieve(path);
  }

  @Test
  void the_documented_configuration_file_is_the_one_loaded() {
    assertThat(config.enabled()).isTrue();
    assertThat(config.offlineAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.txAckTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void a_connected_forwarder_is_listed_with_its_state() {
    try (EmulatedForwarder forwarder = forwarder("AA555A00000000F1")) {
      assertThat(forwarder.pullData(Duration.ofSeconds(2))).isTrue();

      List<GatewayView> all =
          http.toBlocking()
              .retrieve(HttpRequest.GET("/v1/gateways"), Argument.listOf(GatewayView.class));
      GatewayView one =
          http.toBlocking()
              .retrieve(HttpRequest.GET("/v1/gateways/AA555A00000000F1"), GatewayView.class);

      assertThat(all).extracting(GatewayView::eui).contains("AA555A00000000F1");
      assertThat(one.online()).isTrue();
      assertThat(one.pullData()).isEqualTo(1);
      assertThat(one.downlinkAddress()).startsWith("127.0.0.1:");
    }
  }

  @Test
  void unknown_and_malformed_euis_are_404_and_400() {
    assertThatThrownBy(() -> get("/v1/gateways/0000000000000BAD"))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode()));
    assertThatThrownBy(() -> get("/v1/gateways/nothex"))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode()));
  }

  @Test
  void health_and_prometheus_metrics_are_served() {
    try (EmulatedForwarder forwarder = forwarder("AA555A00000000F2")) {
      forwarder.pullData(Duration.ofSeconds(2));
      forwarder.sendRaw(new byte[] {2});

      String health = http.toBlocking().retrieve("/health");
      String metrics = http.toBlocking().retrieve("/prometheus");

      assertThat(health).contains("UP");
      assertThat(metrics).contains("hexproof_gateway_online");
      assertThat(metrics)
          .contains("hexproof_gateway_datagrams_dropped_total{reason=\"too_short\"}");
    }
  }
}
