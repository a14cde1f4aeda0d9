package org.hexproof.poc.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;
import org.hexproof.poc.feed.FeedEntries;
import org.hexproof.poc.feed.FeedStore;
import org.hexproof.poc.feed.ReportStatuses;
import org.hexproof.poc.ingest.RequestRejected;
import org.hexproof.poc.ingest.RequestRejected.Kind;
import org.hexproof.poc.ingest.SignedBodies;
import org.hexproof.poc.registry.HotspotRegistry;

/**
 * The verified-PoC feed (docs/verified-poc-feed.md) and report reads.
 *
 * <ul>
 *   <li>{@code GET /v1/poc/feed?after=&limit=}: 200; 400 when {@code after} is not an integer ≥ 0
 *       or {@code limit} not 1..5000.
 *   <li>{@code GET /v1/poc/feed/watermark}: 200 {@code {"verified_through"}}.
 *   <li>{@code GET /v1/reports/{report_id}}: 200 the report's status and verdict, 404 unknown.
 *   <li>{@code GET /v1/hotspots/{key}/reports?before=&limit=}: 200 a page of the hotspot's reports
 *       with their verdicts, newest first; 400 bad key, cursor or limit (1..500); 404 not
 *       onboarded.
 * </ul>
 */
@Controller
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class FeedController {
  private final FeedStore feed;
  private final ReportStatuses reports;
  private final HotspotRegistry registry;
  private final SignedBodies bodies;

  /**
   * @param feed the feed store
   * @param reports report reads
   * @param registry onboarded hotspots
   * @param bodies key parsing
   */
  public FeedController(
      FeedStore feed, ReportStatuses reports, HotspotRegistry registry, SignedBodies bodies) {
    this.feed = feed;
    this.reports = reports;
    this.registry = registry;
    this.bodies = bodies;
  }

  /** A page of the feed. */
  @Get("/v1/poc/feed")
  @Produces(MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> page(
      @Nullable @QueryValue String after, @Nullable @QueryValue String limit) {
    long afterId = number("after", after, 0, 0, Long.MAX_VALUE);
    long count = number("limit", limit, FeedStore.DEFAULT_LIMIT, 1, FeedStore.MAX_LIMIT);
    return JsonText.ok(feed.page(afterId, (int) count));
  }

  /** The completeness marker. */
  @Get("/v1/poc/feed/watermark")
  @Produces(MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> watermark() {
    var json = JsonText.object();
    json.put("verified_through", FeedEntries.instant(feed.verifiedThrough()));
    return JsonText.ok(JsonText.write(json));
  }

  /** One report's verdict. */
  @Get("/v1/reports/{reportId}")
  @Produces(MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> report(@PathVariable String reportId) {
    if (!ReportStatuses.REPORT_ID.matcher(reportId).matches()) {
      // never sent to PostgreSQL: a NUL in a text parameter is a database error there (a 500)
      throw new RequestRejected(
          Kind.NOT_FOUND, "no report " + reportId + ": expected 43 base64url characters");
    }
    return reports
        .report(reportId)
        .map(JsonText::ok)
        .orElseThrow(() -> new RequestRejected(Kind.NOT_FOUND, "no report " + reportId));
  }

  /** A page of one hotspot's reports and their verdicts, newest first. */
  @Get("/v1/hotspots/{key}/reports")
  @Produces(MediaType.APPLICATION_JSON)
  public HttpResponse<byte[]> hotspotReports(
      @PathVariable String key,
      @Nullable @QueryValue String before,
      @Nullable @QueryValue String limit) {
    String hotspot = bodies.parseKey("key", key).toBase58();
    long count = number("limit", limit, ReportStatuses.DEFAULT_LIMIT, 1, ReportStatuses.MAX_LIMIT);
    Optional<ReportStatuses.Cursor> cursor = Optional.empty();
    if (before != null && !before.isEmpty()) {
      cursor =
          Optional.of(
              ReportStatuses.Cursor.parse(before)
                  .orElseThrow(
                      () ->
                          new RequestRejected(
                              Kind.MALFORMED,
                              "before: expected the next cursor of an earlier page"
                                  + " (<epoch milliseconds>.<report id>), got '"
                                  + before
                                  + "'")));
    }
    if (registry.find(hotspot).isEmpty()) {
      throw new RequestRejected(Kind.NOT_FOUND, "hotspot " + hotspot + " is not onboarded");
    }
    return JsonText.ok(reports.ofHotspot(hotspot, cursor, (int) count));
  }

  private static long number(String name, @Nullable String text, long absent, long min, long max) {
    if (text == null || text.isEmpty()) {
      return absent;
    }
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the expected range
    }
    throw new RequestRejected(
        Kind.MALFORMED,
        name + ": expected an integer in " + min + ".." + max + ", got '" + text + "'");
  }
}
