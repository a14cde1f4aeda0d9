package org.hexproof.poc.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.BiFunction;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.ingest.ReportIngest;
import org.hexproof.poc.ingest.RequestRejected;

/**
 * {@code POST /v1/reports/beacon} and {@code POST /v1/reports/witness}: a signed protobuf body
 * ({@code application/x-protobuf}). 202 {@code {"report_id", "received_at"}} once stored (the first
 * receipt again for a retry of the same bytes); 413 too large, 400 malformed, 401 bad signature,
 * 403 not onboarded, each with problem JSON and nothing stored.
 */
@Controller("/v1/reports")
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
public final class IngestController {
  private final ReportIngest ingest;
  private final Clock clock;
  private final OracleMetrics metrics;

  /**
   * @param ingest the ingest adapter
   * @param clock stamps the receive time
   * @param metrics counts outcomes
   */
  public IngestController(ReportIngest ingest, Clock clock, OracleMetrics metrics) {
    this.ingest = ingest;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Stores a beacon report. */
  @Post("/beacon")
  @Consumes(ProtobufMedia.TYPE)
  @Produces(MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<byte[]> beacon(HttpRequest<byte[]> request) {
    return accept("beacon", ProtobufMedia.body(request), ingest::beacon);
  }

  /** Stores a witness report. */
  @Post("/witness")
  @Consumes(ProtobufMedia.TYPE)
  @Produces(MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<byte[]> witness(HttpRequest<byte[]> request) {
    return accept("witness", ProtobufMedia.body(request), ingest::witness);
  }

  private HttpResponse<byte[]> accept(
      String kind, byte[] body, BiFunction<byte[], Instant, ReportIngest.Receipt> store) {
    Instant receivedAt = clock.instant();
    ReportIngest.Receipt receipt;
    try {
      receipt = store.apply(body, receivedAt);
    } catch (RequestRejected rejected) {
      metrics.ingest(kind, rejected.kind().name().toLowerCase(Locale.ROOT));
      throw rejected;
    }
    metrics.ingest(kind, receipt.duplicate() ? "duplicate" : "accepted");
    var json = JsonText.object();
    json.put("report_id", receipt.reportId());
    json.put("received_at", FeedEntries.instant(receipt.receivedAt()));
    return JsonText.respond(HttpStatus.ACCEPTED, json);
  }
}
