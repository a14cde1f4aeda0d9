package org.hexproof.poc.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.ingest.DelimitedBodies;
import org.hexproof.poc.ingest.ReportIngest;
import org.hexproof.poc.ingest.ReportKind;
import org.hexproof.poc.ingest.RequestRejected;

/**
 * {@code POST /v1/reports/beacon} and {@code POST /v1/reports/witness}: a signed protobuf body
 * ({@code application/x-protobuf}). 202 {@code {"report_id", "received_at"}} once stored (the first
 * receipt again for a retry of the same bytes); 413 too large, 400 malformed, 401 bad signature,
 * 403 not onboarded, each with problem JSON and nothing stored.
 *
 * <p>{@code POST /v1/reports/beacon/batch} and {@code /v1/reports/witness/batch}: up to {@code
 * max-batch-reports} signed reports of that kind, each preceded by its varint length. 200 {@code
 * {"results": [...]}} with one object per report in order: {@code {"status": 202, "report_id",
 * "received_at"}} once stored (a duplicate gets the first receipt), or {@code {"status": 4xx,
 * "detail"}} with nothing stored for that report. Broken framing is 400, too many reports 413, and
 * then nothing is stored.
 */
@Controller("/v1/reports")
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
public final class IngestController {
  private final ReportIngest ingest;
  private final Clock clock;
  private final OracleMetrics metrics;
  private final int maxBatchReports;

  /**
   * @param ingest the ingest adapter
   * @param clock stamps the receive time
   * @param metrics counts outcomes
   * @param config the batch limit
   */
  public IngestController(
      ReportIngest ingest, Clock clock, OracleMetrics metrics, OracleConfig config) {
    this.ingest = ingest;
    this.clock = clock;
    this.metrics = metrics;
    this.maxBatchReports = config.maxBatchReports();
  }

  /**
   * Stores a beacon report. Runs on the event loop: the checks are CPU work and the insert does not
   * block ({@link ReportIngest#submit}); the answer is sent once the report is committed.
   */
  @Post("/beacon")
  @Consumes(ProtobufMedia.TYPE)
  @Produces(MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<byte[]>> beacon(HttpRequest<byte[]> request) {
    return accept(ReportKind.BEACON, ProtobufMedia.body(request));
  }

  /** Stores a witness report; as {@link #beacon}. */
  @Post("/witness")
  @Consumes(ProtobufMedia.TYPE)
  @Produces(MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<byte[]>> witness(HttpRequest<byte[]> request) {
    return accept(ReportKind.WITNESS, ProtobufMedia.body(request));
  }

  /**
   * Stores several beacon reports: the body is signed {@code BeaconReport}s, each preceded by its
   * varint length ({@code writeDelimitedTo}). 200 with one result per report, in order.
   */
  @Post("/beacon/batch")
  @Consumes(ProtobufMedia.TYPE)
  @Produces(MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<byte[]> beacons(HttpRequest<byte[]> request) {
    return acceptAll(ReportKind.BEACON, ProtobufMedia.body(request));
  }

  /** Stores several witness reports; as {@link #beacons}. */
  @Post("/witness/batch")
  @Consumes(ProtobufMedia.TYPE)
  @Produces(MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<byte[]> witnesses(HttpRequest<byte[]> request) {
    return acceptAll(ReportKind.WITNESS, ProtobufMedia.body(request));
  }

  private HttpResponse<byte[]> acceptAll(ReportKind kind, byte[] body) {
    Instant receivedAt = clock.instant();
    List<byte[]> reports;
    try {
      reports = DelimitedBodies.split(kind.label(), body, maxBatchReports);
    } catch (RequestRejected rejected) {
      countRejected(kind, rejected);
      throw rejected;
    }
    List<ReportIngest.Outcome> outcomes = ingest.storeAll(kind, reports, receivedAt);
    var json = JsonText.object();
    ArrayNode results = json.putArray("results");
    // a batch's new reports share one receive time: format each distinct time once
    Map<Instant, String> times = new HashMap<>();
    for (ReportIngest.Outcome outcome : outcomes) {
      ObjectNode o = results.addObject();
      if (outcome.receipt() != null) {
        ReportIngest.Receipt receipt = outcome.receipt();
        countStored(kind, receipt);
        o.put("status", HttpStatus.ACCEPTED.getCode());
        o.put("report_id", receipt.reportId());
        o.put("received_at", times.computeIfAbsent(receipt.receivedAt(), FeedEntries::instant));
      } else {
        RequestRejected rejected = outcome.rejection();
        countRejected(kind, rejected);
        o.put("status", rejected.kind().status());
        o.put("detail", rejected.detail());
      }
    }
    return JsonText.respond(HttpStatus.OK, json);
  }

  private CompletableFuture<HttpResponse<byte[]>> accept(ReportKind kind, byte[] body) {
    Instant receivedAt = clock.instant();
    CompletableFuture<ReportIngest.Receipt> stored;
    try {
      stored = ingest.submit(kind, body, receivedAt);
    } catch (RequestRejected rejected) {
      countRejected(kind, rejected);
      throw rejected;
    }
    CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
    stored.whenComplete(
        (receipt, failure) -> {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
            if (cause instanceof RequestRejected rejected) {
              countRejected(kind, rejected);
            }
            answer.completeExceptionally(cause);
            return;
          }
          try {
            countStored(kind, receipt);
            var json = JsonText.object();
            json.put("report_id", receipt.reportId());
            json.put("received_at", FeedEntries.instant(receipt.receivedAt()));
            answer.complete(JsonText.respond(HttpStatus.ACCEPTED, json));
          } catch (RuntimeException e) {
            answer.completeExceptionally(e); // answered as an error, never left hanging
          }
        });
    return answer;
  }

  private void countStored(ReportKind kind, ReportIngest.Receipt receipt) {
    metrics.ingest(kind.label(), receipt.duplicate() ? "duplicate" : "accepted");
  }

  private void countRejected(ReportKind kind, RequestRejected rejected) {
    metrics.ingest(kind.label(), rejected.kind().name().toLowerCase(Locale.ROOT));
  }
}
