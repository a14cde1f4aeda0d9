package org.hexproof.poc.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import org.hexproof.poc.ingest.RequestRejected;
import org.hexproof.poc.ingest.SignedBodies;
import org.hexproof.poc.registry.HotspotRegistry;

/**
 * The registry over HTTP.
 *
 * <ul>
 *   <li>{@code POST /v1/hotspots}: signed {@code HotspotOnboarding}; 201 with the record, 200 when
 *       already onboarded with the same owner, 409 with another owner; 413/400/401.
 *   <li>{@code POST /v1/hotspots/{key}/location}: signed {@code LocationAssertion}; 200 with the
 *       record; 400 bad cell/region/gain or key mismatch, 401, 404 not onboarded, 409 nonce.
 *   <li>{@code GET /v1/hotspots/{key}}: 200 with the record, 400 bad key, 404 unknown.
 * </ul>
 */
@Controller("/v1/hotspots")
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class RegistryController {
  private final HotspotRegistry registry;
  private final SignedBodies bodies;
  private final Clock clock;

  /**
   * @param registry the registry
   * @param bodies key parsing
   * @param clock change times
   */
  public RegistryController(HotspotRegistry registry, SignedBodies bodies, Clock clock) {
    this.registry = registry;
    this.bodies = bodies;
    this.clock = clock;
  }

  /** Onboards a hotspot. */
  @Post
  @Consumes(ProtobufMedia.TYPE)
  @Produces(MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> onboard(HttpRequest<byte[]> request) {
    HotspotRegistry.Onboarded result =
        registry.onboard(ProtobufMedia.body(request), clock.instant());
    return JsonText.respond(
        result.created() ? HttpStatus.CREATED : HttpStatus.OK, JsonText.hotspot(result.record()));
  }

  /** Asserts a location. */
  @Post("/{key}/location")
  @Consumes(ProtobufMedia.TYPE)
  @Produces(MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> location(@PathVariable String key, HttpRequest<byte[]> request) {
    return JsonText.respond(
        HttpStatus.OK,
        JsonText.hotspot(
            registry.assertLocation(key, ProtobufMedia.body(request), clock.instant())));
  }

  /** Reads a hotspot's record. */
  @Get("/{key}")
  @Produces(MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> get(@PathVariable String key) {
    String parsed = bodies.parseKey("key", key).toBase58();
    return registry
        .find(parsed)
        .map(r -> JsonText.respond(HttpStatus.OK, JsonText.hotspot(r)))
        .orElseThrow(
            () ->
                new RequestRejected(
                    RequestRejected.Kind.NOT_FOUND, "hotspot " + parsed + " is not onboarded"));
  }
}
