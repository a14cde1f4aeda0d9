package org.hexproof.bridge.concentrator;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a concentrator hotspot waits for its packet forwarder.
 *
 * @param bindAddress the local address the UDP server binds; the forwarder's {@code server_address}
 *     must reach it ({@code 127.0.0.1} when the forwarder runs on the same host)
 * @param port the UDP port, the forwarder's {@code serv_port_up} and {@code serv_port_down} (1680,
 *     radio.md §1.4); 0 picks a free port (tests)
 * @param gatewayEui the only forwarder accepted, as 16 hex digits ({@code gateway_ID} of its
 *     global_conf.json); empty: whichever one forwarder connects
 */
public record ConcentratorSettings(String bindAddress, int port, Optional<String> gatewayEui) {
  /** The legacy packet-forwarder port (radio.md §1.4). */
  public static final int DEFAULT_PORT = 1680;

  /** Loopback: the forwarder runs on the hotspot's own host. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

  private static final Pattern EUI = Pattern.compile("[0-9A-F]{16}");

  /** Validates and upper-cases the EUI. */
  public ConcentratorSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(gatewayEui, "gatewayEui");
    if (bindAddress.isBlank()) {
      throw new IllegalArgumentException("gateway.bind-address: expected a host or IP, got blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("gateway.port: expected 0..65535, got " + port);
    }
    gatewayEui = gatewayEui.map(e -> e.trim().toUpperCase(Locale.ROOT));
    if (gatewayEui.isPresent() && !EUI.matcher(gatewayEui.get()).matches()) {
      throw new IllegalArgumentException(
          "gateway.eui: expected 16 hex digits (the forwarder's gateway_ID), got \""
              + gatewayEui.get()
              + "\"");
    }
  }

  /** {@code 127.0.0.1:1680}, any forwarder. */
  public static ConcentratorSettings defaults() {
    return new ConcentratorSettings(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, Optional.empty());
  }
}
