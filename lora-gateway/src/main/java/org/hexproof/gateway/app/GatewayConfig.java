package org.hexproof.gateway.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * Settings of the packet-forwarder server ({@code hexproof.gateway.*} in application.yml).
 *
 * @param enabled whether this process runs the gateway server
 * @param bindAddress the UDP address packet forwarders send to
 * @param port the UDP port ({@code serv_port_up} and {@code serv_port_down} of a forwarder); 0
 *     picks a free port (tests)
 * @param offlineAfter a gateway without PULL_DATA for this long is offline
 * @param txAckTimeout how long a downlink waits for its TX_ACK
 */
@ConfigurationProperties("hexproof.gateway")
public record GatewayConfig(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "0.0.0.0") @NotBlank String bindAddress,
    @Bindable(defaultValue = "1680") @Min(0) @Max(65535) int port,
    @Bindable(defaultValue = "60s") Duration offlineAfter,
    @Bindable(defaultValue = "5s") Duration txAckTimeout) {}
