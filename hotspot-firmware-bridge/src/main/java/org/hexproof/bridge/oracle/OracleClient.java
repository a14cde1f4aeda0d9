package org.hexproof.bridge.oracle;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hexproof.core.keys.MalformedKeyException;
import org.hexproof.core.keys.PublicKey;
import org.hexproof.core.proto.EntropyReport;
import org.hexproof.core.report.SignedMessages;

/**
 * The oracle's HTTP API as a hotspot uses it. Bodies are signed protobuf messages ({@code
 * application/x-protobuf}); answers map to {@link OracleOutcome}: 2xx accepted, 4xx other than 429
 * rejected for good (with the problem JSON's detail), 429 Too Many Requests (from the oracle or a
 * proxy in front of it), 5xx and I/O failures unavailable, with the answer's {@code Retry-After}
 * when it has one ({@link RetryAfter}).
 *
 * <ul>
 *   <li>{@code POST /v1/hotspots}: {@code HotspotOnboarding}; 409 (already onboarded) counts as
 *       accepted
 *   <li>{@code POST /v1/hotspots/{base58 key}/location}: {@code LocationAssertion}
 *   <li>{@code GET /v1/entropy/latest}: the signed {@code EntropyReport}
 *   <li>{@code POST /v1/reports/beacon}, {@code POST /v1/reports/witness}: 202 {@code
 *       {"report_id","received_at"}}; the oracle deduplicates by SHA-256 of the bytes, so resending
 *       is safe
 *   <li>{@code POST /v1/reports/beacon/batch}, {@code POST /v1/reports/witness/batch}: several
 *       reports, each preceded by its varint length; 200 with one result per report ({@link
 *       BatchOutcome})
 * </ul>
 */
public final class OracleClient {
  private static final String PROTOBUF = "application/x-protobuf";
  private static final Pattern REPORT_ID = Pattern.compile("\"report_id\"\\s*:\\s*\"([^\"]*)\"");
  private static final int SHOWN_BODY_CHARS = 200;
  private static final int TOO_MANY_REQUESTS = 429;

  private final URI base;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final Optional<PublicKey> oracleKey;

  /**
   * @param base the oracle's base URL, e.g. {@code http://localhost:8090}; paths are appended
   * @param http the client (its connect timeout applies)
   * @param requestTimeout how long one request may take
   * @param oracleKey when present, entropy must be signed by this key
   */
  public OracleClient(
      URI base, HttpClient http, Duration requestTimeout, Optional<PublicKey> oracleKey) {
    Objects.requireNonNull(base, "base");
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.http = Objects.requireNonNull(http, "http");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.oracleKey = Objects.requireNonNull(oracleKey, "oracleKey");
  }

  /** A client with its own {@link #httpClient} and 10 s per request (gateway-rs uses 10 s, 5 s). */
  public static OracleClient create(URI base, Optional<PublicKey> oracleKey) {
    return create(base, oracleKey, httpClient(null));
  }

  /**
   * A client with 10 s per request on {@code http}, which many clients may share: requests of all
   * of them then use its selector thread and its pool of connections.
   */
  public static OracleClient create(URI base, Optional<PublicKey> oracleKey, HttpClient http) {
    return new OracleClient(base, http, Duration.ofSeconds(10), oracleKey);
  }

  /**
   * An HTTP client with a 10 s connect timeout.
   *
   * @param executor runs the client's response handling; null: the JDK's default pool
   */
  public static HttpClient httpClient(Executor executor) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (executor != null) {
      builder.executor(executor);
    }
    return builder.build();
  }

  /** Submits a signed {@code HotspotOnboarding}; already onboarded (409) is accepted. */
  public OracleOutcome onboard(byte[] signedOnboarding) {
    OracleOutcome outcome = post("/v1/hotspots", signedOnboarding);
    if (outcome instanceof OracleOutcome.Rejected r && r.status() == 409) {
      return new OracleOutcome.Accepted(409, Optional.empty());
    }
    return outcome;
  }

  /** Submits a signed {@code LocationAssertion} of {@code hotspot}. */
  public OracleOutcome assertLocation(PublicKey hotspot, byte[] signedAssertion) {
    return post("/v1/hotspots/" + hotspot.toBase58() + "/location", signedAssertion);
  }

  /** Submits a signed {@code BeaconReport}. */
  public OracleOutcome submitBeacon(byte[] signedReport) {
    return post("/v1/reports/beacon", signedReport);
  }

  /** Submits a signed {@code WitnessReport}. */
  public OracleOutcome submitWitness(byte[] signedReport) {
    return post("/v1/reports/witness", signedReport);
  }

  /**
   * Submits signed {@code BeaconReport}s in one request.
   *
   * @param signedReports one or more, at most the oracle's {@code max-batch-reports} (500 unless
   *     configured otherwise), none empty
   */
  public BatchOutcome submitBeacons(List<byte[]> signedReports) {
    return postBatch("/v1/reports/beacon/batch", signedReports);
  }

  /** Submits signed {@code WitnessReport}s in one request; as {@link #submitBeacons}. */
  public BatchOutcome submitWitnesses(List<byte[]> signedReports) {
    return postBatch("/v1/reports/witness/batch", signedReports);
  }

  /**
   * Fetches the current entropy.
   *
   * @return the report, its signature checked against the oracle key when one is configured
   * @throws OracleUnavailableException when the oracle cannot be reached or does not answer 200
   * @throws InvalidEntropyException when the answer is not a usable entropy report
   */
  public EntropyReport latestEntropy() {
    String path = "/v1/entropy/latest";
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(base.getPath() + path))
            .timeout(requestTimeout)
            // No Accept header: protobuf is the oracle's default here, and its route declares no
            // produced type, so an explicit "Accept: application/x-protobuf" is answered 406
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new OracleUnavailableException("GET " + path + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OracleUnavailableException("GET " + path + ": interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new OracleUnavailableException(
          "GET " + path + ": expected 200, got " + response.statusCode() + " " + shorten(response));
    }
    EntropyReport report;
    try {
      report = EntropyReport.parseFrom(response.body());
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidEntropyException(
          "GET "
              + path
              + ": expected an EntropyReport protobuf, got "
              + response.body().length
              + " bytes that do not parse",
          e);
    }
    if (report.getData().isEmpty()) {
      throw new InvalidEntropyException("GET " + path + ": entropy report without data");
    }
    if (oracleKey.isPresent()) {
      verify(report, oracleKey.get(), path);
    }
    return report;
  }

  private static void verify(EntropyReport report, PublicKey expected, String path) {
    PublicKey signer;
    try {
      signer = PublicKey.fromBytes(report.getPubKey().toByteArray());
    } catch (MalformedKeyException e) {
      throw new InvalidEntropyException("GET " + path + ": entropy pub_key: " + e.getMessage(), e);
    }
    if (!signer.equals(expected)) {
      throw new InvalidEntropyException(
          "GET "
              + path
              + ": expected entropy signed by "
              + expected.toBase58()
              + ", got "
              + signer.toBase58());
    }
    if (!SignedMessages.verify(report)) {
      throw new InvalidEntropyException("GET " + path + ": entropy signature does not verify");
    }
  }

  private OracleOutcome post(String path, byte[] body) {
    HttpResponse<byte[]> response;
    try {
      response = send(path, body);
    } catch (IOException e) {
      return new OracleOutcome.Unavailable("POST " + path + ": " + describe(e));
    }
    int status = response.statusCode();
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (status >= 200 && status < 300) {
      Matcher id = REPORT_ID.matcher(text);
      return new OracleOutcome.Accepted(
          status, id.find() ? Optional.of(id.group(1)) : Optional.empty());
    }
    if (refusedForGood(status)) {
      return new OracleOutcome.Rejected(status, ProblemDetail.of(text));
    }
    RetryAfter.Read retryAfter = RetryAfter.of(response.headers());
    return new OracleOutcome.Unavailable(
        unavailable("POST " + path, response, retryAfter), retryAfter.delay());
  }

  /**
   * Whether an answer (or one report's result in a batch answer) refuses for good: a 4xx other than
   * 429, which says "not now", not "never" (RFC 6585 §4), so that report is retried, not parked.
   */
  static boolean refusedForGood(int status) {
    return status >= 400 && status < 500 && status != TOO_MANY_REQUESTS;
  }

  private BatchOutcome postBatch(String path, List<byte[]> reports) {
    HttpResponse<byte[]> response;
    try {
      response = send(path, DelimitedReports.encode(reports));
    } catch (IOException e) {
      return new BatchOutcome.Unavailable("POST " + path + ": " + describe(e));
    }
    String text = new String(response.body(), StandardCharsets.UTF_8);
    return switch (response.statusCode()) {
      case 200 -> BatchAnswer.read("POST " + path, text, reports.size());
      case 404 -> new BatchOutcome.NotServed(shorten(response));
      case 413 -> new BatchOutcome.TooMany(ProblemDetail.of(text));
      default -> {
        RetryAfter.Read retryAfter = RetryAfter.of(response.headers());
        yield new BatchOutcome.Unavailable(
            unavailable("POST " + path, response, retryAfter), retryAfter.delay());
      }
    };
  }

  /** E.g. {@code POST /v1/reports/witness: 429 {"detail":"busy"}}, and a bad Retry-After. */
  private static String unavailable(
      String request, HttpResponse<byte[]> response, RetryAfter.Read retryAfter) {
    return request
        + ": "
        + response.statusCode()
        + " "
        + shorten(response)
        + retryAfter.problem().map(p -> " (" + p + ")").orElse("");
  }

  /** POSTs a protobuf body; an interrupt becomes an {@link InterruptedIOException}. */
  private HttpResponse<byte[]> send(String path, byte[] body) throws IOException {
    Objects.requireNonNull(body, "body");
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(base.getPath() + path))
            .timeout(requestTimeout)
            .header("Content-Type", PROTOBUF)
            .header("Accept", "application/json, application/problem+json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }

  private static String shorten(HttpResponse<byte[]> response) {
    String text = new String(response.body(), StandardCharsets.UTF_8).strip();
    return text.length() <= SHOWN_BODY_CHARS ? text : text.substring(0, SHOWN_BODY_CHARS) + "…";
  }
}
