package org.hexproof.launcher;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hexproof.gateway.udp.UdpTransport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hexproof gateway}: the Semtech UDP packet-forwarder server, until Ctrl-C. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = "Run the packet-forwarder (GWMP/UDP) server for concentrator hotspots.")
final class GatewayCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "1680",
      paramLabel = "N",
      description = "UDP port forwarders send to (serv_port_up/down); default 1680")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "0.0.0.0",
      paramLabel = "ADDRESS",
      description = "address the UDP socket binds; default 0.0.0.0")
  String bind;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      paramLabel = "N",
      description = "HTTP port of /v1/gateways, /health and /prometheus; default 8080")
  int httpPort;

  @Override
  public Integer call() throws InterruptedException {
    CommandLine cli = spec.commandLine();
    Options.inRange(cli, "--port", port, 0, 65_535);
    Options.inRange(cli, "--http-port", httpPort, 0, 65_535);
    ApplicationContext context = start(port, bind, httpPort);
    InetSocketAddress udp = context.getBean(UdpTransport.class).localAddress();
    cli.getErr()
        .printf(
            "hexproof gateway: forwarders to udp %s:%d, views at http://localhost:%d/v1/gateways;"
                + " Ctrl-C stops%n",
            udp.getHostString(), udp.getPort(), httpPort);
    cli.getErr().flush();
    Foreground.untilStopped(context);
    return 0;
  }

  /** Starts the gateway service: UDP socket bound, HTTP server listening. */
  static ApplicationContext start(int udpPort, String bindAddress, int httpPort) {
    return Micronaut.build(new String[0])
        .banner(false)
        .environments("gateway")
        .properties(
            Map.of(
                "hexproof.gateway.port", udpPort,
                "hexproof.gateway.bind-address", bindAddress,
                "micronaut.server.port", httpPort))
        .start();
  }
}
