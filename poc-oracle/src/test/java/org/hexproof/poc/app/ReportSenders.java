package org.hexproof.poc.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hexproof.core.keys.Ed25519KeyPair;
import org.hexproof.core.proto.EntropyReport;

/**
 * Hotspots that keep posting signed beacon reports to one oracle, each on its own thread and its
 * own keep-alive HTTP/1.1 connection, one request at a time, until {@link #stop}; every attempt is
 * recorded with its outcome.
 */
final class ReportSenders {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One POST: the body sent, the status (0 when no response came: refused, reset, closed), the
   * {@code report_id} of a 202, what went wrong otherwise, and when it started and ended ({@link
   * System#nanoTime}).
   */
  record Attempt(
      byte[] body, int status, String reportId, String failure, long startedNs, long endedNs) {}

  private final URI beaconUrl;
  private final List<Ed25519KeyPair> hotspots;
  private final EntropyReport entropy;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  private final List<List<Attempt>> attempts = new ArrayList<>();

  ReportSenders(URI oracle, List<Ed25519KeyPair> hotspots, EntropyReport entropy) {
    this.beaconUrl = oracle.resolve("/v1/reports/beacon");
    this.hotspots = List.copyOf(hotspots);
    this.entropy = entropy;
  }

  /** Starts one sender per hotspot. */
  void start() {
    for (int i = 0; i < hotspots.size(); i++) {
      List<Attempt> mine = new ArrayList<>();
      attempts.add(mine);
      int n = i;
      Thread t = new Thread(() -> send(n, mine), "report-sender-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Stops every sender after its current request and returns all attempts. */
  List<Attempt> stop() throws InterruptedException {
    stopped.set(true);
    List<Attempt> all = new ArrayList<>();
    for (int i = 0; i < threads.size(); i++) {
      threads.get(i).join(Duration.ofSeconds(30).toMillis());
      synchronized (attempts.get(i)) {
        all.addAll(attempts.get(i));
      }
    }
    return all;
  }

  /** Attempts so far that got a 202. */
  long accepted() {
    long n = 0;
    for (List<Attempt> mine : attempts) {
      synchronized (mine) {
        n += mine.stream().filter(a -> a.status() == 202).count();
      }
    }
    return n;
  }

  private void send(int n, List<Attempt> mine) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    for (int i = 0; !stopped.get(); i++) {
      byte[] body = Hotspots.beacon(hotspots.get(n), entropy, n * 1_000_000 + i).toByteArray();
      Attempt attempt = post(client, beaconUrl, body);
      synchronized (mine) {
        mine.add(attempt);
      }
      if (attempt.status() == 0 || attempt.status() == 503) {
        pause(); // as a hotspot's outbox backs off before its retry
      }
    }
  }

  /** Posts {@code body} once to the oracle at {@code oracle}; as the senders record it. */
  static Attempt postOnce(URI oracle, byte[] body) {
    return post(
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        oracle.resolve("/v1/reports/beacon"),
        body);
  }

  private static Attempt post(HttpClient client, URI beaconUrl, byte[] body) {
    long started = System.nanoTime();
    HttpRequest request =
        HttpRequest.newBuilder(beaconUrl)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      String id = r.statusCode() == 202 ? JSON.readTree(r.body()).path("report_id").asText() : null;
      String failure = r.statusCode() == 202 ? null : r.body();
      return new Attempt(body, r.statusCode(), id, failure, started, System.nanoTime());
    } catch (IOException e) {
      return new Attempt(body, 0, null, e.toString(), started, System.nanoTime());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Attempt(body, 0, null, e.toString(), started, System.nanoTime());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
