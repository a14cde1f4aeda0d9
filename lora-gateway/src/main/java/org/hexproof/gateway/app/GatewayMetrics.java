package org.hexproof.gateway.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.hexproof.gateway.semtech.MalformedDatagramException;
import org.hexproof.gateway.server.GatewayRegistry;
import org.hexproof.gateway.server.GatewayServer;
import org.hexproof.gateway.server.GatewayStatus;

/** Gateway counters for /prometheus: gateways online, traffic, drops by reason, downlinks. */
@Singleton
@Requires(env = "gateway")
@Requires(property = "hexproof.gateway.enabled", notEquals = "false")
final class GatewayMetrics implements MeterBinder {
  private final GatewayRegistry registry;
  private final GatewayServer server;

  GatewayMetrics(GatewayRegistry registry, GatewayServer server) {
    this.registry = registry;
    this.server = server;
  }

  @Override
  public void bindTo(MeterRegistry meters) {
    Gauge.builder("hexproof.gateway.online", registry, r -> r.onlineCount())
        .description("gateways with a PULL_DATA within the offline timeout")
        .register(meters);
    Gauge.builder("hexproof.gateway.known", registry, r -> r.all().size())
        .description("gateways heard since start")
        .register(meters);
    Gauge.builder("hexproof.gateway.downlinks.in.flight", server, s -> s.downlinksInFlight())
        .register(meters);
    counter(meters, "hexproof.gateway.push.data", GatewayStatus::pushData);
    counter(meters, "hexproof.gateway.pull.data", GatewayStatus::pullData);
    counter(meters, "hexproof.gateway.rx.packets", GatewayStatus::rxPackets);
    counter(meters, "hexproof.gateway.rx.crc.failures", GatewayStatus::crcFailures);
    counter(meters, "hexproof.gateway.beacons.heard", GatewayStatus::beaconsHeard);
    counter(meters, "hexproof.gateway.downlinks", GatewayStatus::downlinks);
    counter(meters, "hexproof.gateway.downlink.errors", GatewayStatus::downlinkErrors);
    for (MalformedDatagramException.Reason reason : MalformedDatagramException.Reason.values()) {
      FunctionCounter.builder(
              "hexproof.gateway.datagrams.dropped",
              server,
              s -> s.malformedCounts().getOrDefault(reason, 0L))
          .tag("reason", reason.code())
          .description("datagrams dropped without a reply, by reason")
          .register(meters);
    }
  }

  private void counter(
      MeterRegistry meters, String name, java.util.function.ToLongFunction<GatewayStatus> field) {
    FunctionCounter.builder(name, registry, r -> r.all().stream().mapToLong(field).sum())
        .register(meters);
  }
}
