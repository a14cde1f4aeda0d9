package org.hexproof.poc.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.poc.ingest.RequestRejected;
import org.hexproof.poc.ingest.RequestRejected.Kind;
import org.hexproof.poc.ingest.SignedBodies;
import org.hexproof.poc.registry.Denylist;

/**
 * Denylist changes, operator only ({@code Authorization: Bearer <hexproof.oracle.operator-token>},
 * compared in constant time): {@code PUT|DELETE /v1/denylist/keys/{key}} and {@code PUT|DELETE
 * /v1/denylist/edges/{a}/{b}}. 204 done (idempotent); 401 no bearer token; 403 wrong token or no
 * token configured; 400 bad key. The token is checked before anything else is read.
 */
@Controller("/v1/denylist")
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class DenylistController {
  private static final String BEARER = "Bearer ";

  private final Denylist denylist;
  private final SignedBodies bodies;
  private final Clock clock;
  private final OracleConfig config;

  /**
   * @param denylist the denylist
   * @param bodies key parsing
   * @param clock change times
   * @param config the operator token
   */
  public DenylistController(
      Denylist denylist, SignedBodies bodies, Clock clock, OracleConfig config) {
    this.denylist = denylist;
    this.bodies = bodies;
    this.clock = clock;
    this.config = config;
  }

  /** Denies a key. */
  @Put("/keys/{key}")
  public HttpResponse<Void> denyKey(
      @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String key) {
    authorize(authorization);
    denylist.denyKey(bodies.parseKey("key", key), clock.instant());
    return HttpResponse.noContent();
  }

  /** Allows a key again. */
  @Delete("/keys/{key}")
  public HttpResponse<Void> allowKey(
      @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String key) {
    authorize(authorization);
    denylist.allowKey(bodies.parseKey("key", key));
    return HttpResponse.noContent();
  }

  /** Denies an unordered pair. */
  @Put("/edges/{a}/{b}")
  public HttpResponse<Void> denyEdge(
      @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
      @PathVariable String a,
      @PathVariable String b) {
    authorize(authorization);
    PublicKey first = bodies.parseKey("a", a);
    PublicKey second = bodies.parseKey("b", b);
    denylist.denyEdge(first, second, clock.instant());
    return HttpResponse.noContent();
  }

  /** Allows an unordered pair again. */
  @Delete("/edges/{a}/{b}")
  public HttpResponse<Void> allowEdge(
      @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
      @PathVariable String a,
      @PathVariable String b) {
    authorize(authorization);
    denylist.allowEdge(bodies.parseKey("a", a), bodies.parseKey("b", b));
    return HttpResponse.noContent();
  }

  private void authorize(@Nullable String authorization) {
    if (authorization == null || !authorization.startsWith(BEARER)) {
      throw new RequestRejected(
          Kind.UNAUTHENTICATED, "Authorization: expected 'Bearer <operator token>'");
    }
    String expected =
        config
            .token()
            .orElseThrow(
                () ->
                    new RequestRejected(
                        Kind.FORBIDDEN, "denylist changes are disabled: no operator token set"));
    byte[] given = authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))) {
      throw new RequestRejected(Kind.FORBIDDEN, "operator token does not match");
    }
  }
}
