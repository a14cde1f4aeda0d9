package org.hexproof.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outcome of one closed-loop run of {@code java.net.http} clients ({@link SustainedLoad}).
 *
 * @param requests requests answered in the timed window
 * @param errors answers other than the expected status, and I/O failures
 * @param seconds length of the timed window
 * @param p50Nanos median latency
 * @param p99Nanos 99th percentile latency
 * @param firstError the first error seen, or null
 */
record HttpClosedLoop(
    long requests, long errors, double seconds, long p50Nanos, long p99Nanos, String firstError) {
  double perSecond() {
    return requests / seconds;
  }

  /**
   * {@code clients} threads each send request after request (request {@code i} goes to {@code
   * targets[i]}, a POST of {@code bodies[i]} when bodies is not null, else a GET) for {@code
   * warmupSeconds} untimed and then {@code seconds} timed. Answers other than {@code expected} and
   * I/O failures are errors.
   */
  static HttpClosedLoop run(
      HttpClient http,
      List<URI> targets,
      List<byte[]> bodies,
      int expected,
      int clients,
      int warmupSeconds,
      int seconds)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    LoadWindow window = new LoadWindow();
    AtomicLong errors = new AtomicLong();
    String[] firstError = new String[1];
    LatencySamples[] latencies = new LatencySamples[clients];
    Thread[] threads = new Thread[clients];
    for (int t = 0; t < clients; t++) {
      LatencySamples lat = new LatencySamples();
      latencies[t] = lat;
      threads[t] =
          new Thread(
              () -> {
                while (!window.stopped()) {
                  int i = next.getAndIncrement();
                  if (bodies != null && i >= bodies.size()) {
                    synchronized (firstError) {
                      if (firstError[0] == null) {
                        firstError[0] = "ran out of pre-signed reports after " + bodies.size();
                      }
                    }
                    break;
                  }
                  int k = i % targets.size();
                  HttpRequest.Builder request = HttpRequest.newBuilder(targets.get(k));
                  if (bodies != null) {
                    request
                        .header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(k)));
                  }
                  long t0 = System.nanoTime();
                  String error = null;
                  try {
                    HttpResponse<byte[]> r =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != expected) {
                      error =
                          r.statusCode()
                              + " "
                              + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                  } catch (java.io.IOException e) {
                    error = e.toString();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                  }
                  long took = System.nanoTime() - t0;
                  if (window.measuring()) {
                    if (error != null) {
                      errors.incrementAndGet();
                      synchronized (firstError) {
                        if (firstError[0] == null) {
                          firstError[0] = error;
                        }
                      }
                    }
                    lat.add(took);
                  }
                }
              },
              "load-" + t);
    }
    double elapsed = window.run(threads, warmupSeconds, seconds).seconds();
    long[] all = LatencySamples.merged(latencies);
    if (all.length == 0) {
      throw new IllegalStateException(
          "no request finished in the "
              + seconds
              + " measured seconds: expected some after "
              + warmupSeconds
              + " s of warm-up"
              + (firstError[0] == null ? "" : "; first problem: " + firstError[0])
              + (bodies == null
                  ? ""
                  : " (raise bench.load.reports above the "
                      + bodies.size()
                      + " pre-signed reports to cover warm-up and measurement)"));
    }
    Stats stats = Stats.of(all);
    return new HttpClosedLoop(
        all.length, errors.get(), elapsed, stats.p50(), stats.p99(), firstError[0]);
  }
}
