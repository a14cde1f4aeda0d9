package org.hexproof.gateway.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;
import org.hexproof.gateway.semtech.Eui64;
import org.hexproof.gateway.server.GatewayRegistry;

/** Read-only view of the connected packet forwarders. */
@Controller("/v1/gateways")
@Requires(env = "gateway")
@Requires(property = "hexproof.gateway.enabled", notEquals = "false")
final class GatewayController {
  private final GatewayRegistry registry;

  GatewayController(GatewayRegistry registry) {
    this.registry = registry;
  }

  /** Every gateway heard since start, by EUI. */
  @Get
  List<GatewayView> all() {
    return registry.all().stream().map(GatewayView::of).toList();
  }

  /** One gateway; 400 for a malformed EUI, 404 for one never heard, both problem JSON. */
  @Get("/{eui}")
  GatewayView one(String eui) {
    Eui64 parsed;
    try {
      parsed = Eui64.parse(eui);
    } catch (IllegalArgumentException e) {
      throw new GatewayRequestException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    return registry
        .status(parsed)
        .map(GatewayView::of)
        .orElseThrow(
            () ->
                new GatewayRequestException(
                    HttpStatus.NOT_FOUND, "no gateway " + parsed + " heard"));
  }
}
