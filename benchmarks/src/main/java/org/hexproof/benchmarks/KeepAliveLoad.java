package org.hexproof.benchmarks;

import java.io.IOException;
import java.util.Arrays;

/** A closed-loop run of concurrent keep-alive clients. */
record KeepAliveLoad(
    long requests, long errors, double seconds, Stats latency, String loadAverage) {
  double perSecond() {
    return requests / seconds;
  }

  static KeepAliveLoad run(int port, String[] paths, int clients, int warmupSeconds, int seconds)
      throws InterruptedException {
    LoadWindow window = new LoadWindow();
    LatencySamples[] latencies = new LatencySamples[clients];
    long[] errors = new long[clients];
    Thread[] threads = new Thread[clients];
    for (int t = 0; t < clients; t++) {
      int id = t;
      LatencySamples lat = new LatencySamples();
      latencies[t] = lat;
      threads[t] =
          new Thread(
              () -> {
                int next = id * 7919;
                try (KeepAliveClient c = new KeepAliveClient(port)) {
                  while (!window.stopped()) {
                    String path = paths[(next++ & 0x7fffffff) % paths.length];
                    long t0 = System.nanoTime();
                    int status = c.get(path);
                    long t1 = System.nanoTime();
                    if (window.measuring()) {
                      if (status != 200) {
                        errors[id]++;
                      }
                      lat.add(t1 - t0);
                    }
                  }
                } catch (IOException e) {
                  errors[id]++;
                }
              },
              "load-" + t);
    }
    LoadWindow.Timed timed = window.run(threads, warmupSeconds, seconds);
    long[] all = LatencySamples.merged(latencies);
    long err = Arrays.stream(errors).sum();
    return new KeepAliveLoad(all.length, err, timed.seconds(), Stats.of(all), timed.loadAverage());
  }
}
