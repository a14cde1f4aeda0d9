package org.hexproof.bridge.daemon;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hexproof.bridge.oracle.OracleClient;
import org.hexproof.bridge.tasks.SerialExecutor;
import org.hexproof.bridge.tasks.Workers;
import org.hexproof.core.keys.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads and the HTTP client that hotspot daemons run on: one timer ({@code <name>-timer})
 * that only hands due tasks on, a bounded pool ({@code <name>-work-N}) for work that may block
 * (module commands, reports to the oracle, outbox writes), and one {@link HttpClient} (with its own
 * {@code <name>-http-N} threads for response handling) behind one {@link OracleClient} per oracle
 * URL and key. A daemon keeps its order-sensitive work (received frames, serial events, deliveries)
 * in {@link SerialExecutor}s on the pool, so it holds no thread of its own.
 *
 * <p>A standalone daemon makes a small runtime of its own and closes it; a runtime given to many
 * daemons (the devnet's fleet) is closed by whoever made it, after the daemons.
 */
public final class DaemonRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DaemonRuntime.class);

  /** Pool threads of a standalone daemon's runtime. */
  public static final int STANDALONE_WORKERS = 4;

  /** Response-handling threads of the shared HTTP client: its work is short and non-blocking. */
  private static final int HTTP_THREADS = 2;

  private final ScheduledThreadPoolExecutor timer;
  private final ThreadPoolExecutor pool;
  private final ThreadPoolExecutor httpThreads;
  private final HttpClient http;
  private final Workers workers;
  private final Map<String, OracleClient> oracles = new ConcurrentHashMap<>();
  private final ReportTimes reportTimes = new ReportTimes();

  private DaemonRuntime(String name, int workerThreads) {
    timer = new ScheduledThreadPoolExecutor(1, named(name + "-timer"));
    timer.setRemoveOnCancelPolicy(true);
    pool = bounded(workerThreads, named(name + "-work"));
    httpThreads = bounded(HTTP_THREADS, named(name + "-http"));
    http = OracleClient.httpClient(httpThreads);
    workers = new Workers(pool, timer);
  }

  /**
   * A runtime for many daemons.
   *
   * @param name prefixes its thread names
   * @param workerThreads the most threads that run blocking work at once, >= 1; idle ones end after
   *     a minute
   */
  public static DaemonRuntime shared(String name, int workerThreads) {
    Objects.requireNonNull(name, "name");
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads: expected >= 1, got " + workerThreads);
    }
    return new DaemonRuntime(name, workerThreads);
  }

  /** A runtime for one daemon: {@link #STANDALONE_WORKERS} pool threads. */
  static DaemonRuntime standalone() {
    return new DaemonRuntime("hotspot", STANDALONE_WORKERS);
  }

  /** The pool and timer, for components that make their own serial executors. */
  public Workers workers() {
    return workers;
  }

  /** How long the reports of this runtime's daemons took on their way. */
  public ReportTimes reportTimes() {
    return reportTimes;
  }

  /** A new serial executor on the pool. */
  public SerialExecutor serial(String name) {
    return workers.serial(name);
  }

  /** The one client of this runtime for {@code url} and {@code oracleKey}; made on first use. */
  public OracleClient oracle(URI url, Optional<PublicKey> oracleKey) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(oracleKey, "oracleKey");
    String id = url + " " + oracleKey.map(PublicKey::toBase58).orElse("-");
    return oracles.computeIfAbsent(id, k -> OracleClient.create(url, oracleKey, http));
  }

  /** Stops the timer and the pools, waiting up to 5 s for running work. Idempotent. */
  @Override
  public void close() {
    for (ExecutorService executor : List.of(timer, pool, httpThreads)) {
      executor.shutdownNow();
    }
    try {
      for (ExecutorService executor : List.of(timer, pool, httpThreads)) {
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
          log.warn("daemon runtime: {} still runs work 5 s after close", executor);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadPoolExecutor bounded(int threads, ThreadFactory factory) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), factory);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> HotspotDaemon.thread(r, prefix + "-" + count.incrementAndGet());
  }
}
