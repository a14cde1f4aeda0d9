package org.hexproof.poc.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.ingest.RequestRejected;

/**
 * {@code GET /v1/entropy/latest}: the latest signed {@code EntropyReport} as protobuf ({@code
 * application/x-protobuf}, the default), or as JSON with {@code ?format=json} or {@code Accept:
 * application/json} ({@code data_hex, timestamp, version, oracle_key, signature_hex}). 503 before
 * the first value.
 */
@Controller("/v1/entropy")
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
public final class EntropyController {
  private final EntropyService entropy;

  /**
   * @param entropy the entropy service
   */
  public EntropyController(EntropyService entropy) {
    this.entropy = entropy;
  }

  /** The latest value. */
  // both representations are declared so that Accept: application/x-protobuf (the hotspot
  // daemon's OracleClient) is not refused with 406 by content negotiation
  @Get(
      value = "/latest",
      produces = {"application/x-protobuf", MediaType.APPLICATION_JSON})
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<byte[]> latest(HttpRequest<?> request, @Nullable @QueryValue String format) {
    EntropyReport report =
        entropy
            .latest()
            .orElseThrow(
                () ->
                    new RequestRejected(
                        RequestRejected.Kind.UNAVAILABLE, "no entropy generated yet"));
    boolean json =
        "json".equals(format)
            || (format == null
                && request.accept().stream()
                    .anyMatch(m -> m.matches(MediaType.APPLICATION_JSON_TYPE)));
    if (json) {
      return JsonText.respond(HttpStatus.OK, JsonText.entropy(report));
    }
    return HttpResponse.<byte[]>ok(report.toByteArray())
        .contentType(MediaType.of(ProtobufMedia.TYPE));
  }
}
