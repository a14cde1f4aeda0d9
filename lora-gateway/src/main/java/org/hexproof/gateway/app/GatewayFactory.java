package org.hexproof.gateway.app;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.hexproof.gateway.beacon.BeaconTransmitter;
import org.hexproof.gateway.server.GatewayRegistry;
import org.hexproof.gateway.server.GatewayServer;
import org.hexproof.gateway.server.UplinkListener;
import org.hexproof.gateway.udp.UdpTransport;

/** Wires the packet-forwarder server: registry, protocol logic, UDP socket, beacon transmitter. */
@Factory
@Requires(env = "gateway")
@Requires(property = "hexproof.gateway.enabled", notEquals = "false")
final class GatewayFactory {
  /** The duty-cycle observation window: one hour (ERC Rec 70-03, radio.md §3.3). */
  static final Duration DUTY_CYCLE_WINDOW = Duration.ofHours(1);

  @Singleton
  // the devnet supplies its accelerated clock and sets this: two services' missingBeans = Clock
  // conditions in one context would otherwise recurse into each other (StackOverflowError)
  @Requires(property = "hexproof.clock.supplied", notEquals = "true")
  @Requires(missingBeans = Clock.class)
  Clock systemClock() {
    return Clock.systemUTC();
  }

  @Singleton
  GatewayRegistry gatewayRegistry(Clock clock, GatewayConfig config) {
    return new GatewayRegistry(clock, config.offlineAfter());
  }

  /**
   * The downlink timeout timer. Held in a wrapper rather than exposed as an executor bean, so that
   * metrics instrumentation of executor beans cannot make it depend on the meter registry, which
   * itself binds the gateway metrics.
   */
  @Singleton
  @Bean(preDestroy = "close")
  DownlinkTimer downlinkTimer() {
    return new DownlinkTimer(
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gwmp-downlink-timer");
              t.setDaemon(true);
              return t;
            }));
  }

  @Singleton
  @Requires(missingBeans = UplinkListener.class)
  UplinkListener loggingUplinks() {
    return new LoggingUplinkListener();
  }

  @Singleton
  GatewayServer gatewayServer(
      GatewayRegistry registry,
      UdpSocketHolder socket,
      UplinkListener listener,
      DownlinkTimer timer,
      GatewayConfig config) {
    return new GatewayServer(
        registry, socket::send, listener, timer.executor(), config.txAckTimeout());
  }

  @Singleton
  UdpSocketHolder udpSocketHolder() {
    return new UdpSocketHolder();
  }

  /** The UDP socket, bound when the context starts; closing it stops the receive thread. */
  @Context
  @Bean(preDestroy = "close")
  UdpTransport udpTransport(GatewayConfig config, GatewayServer server, UdpSocketHolder holder) {
    UdpTransport transport =
        new UdpTransport(new InetSocketAddress(config.bindAddress(), config.port()), server);
    transport.start();
    holder.set(transport);
    return transport;
  }

  @Singleton
  BeaconTransmitter beaconTransmitter(GatewayServer server, Clock clock) {
    return new BeaconTransmitter(server, clock, DUTY_CYCLE_WINDOW);
  }
}
