package org.hexproof.poc.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.worker.PocWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the entropy tick and the verifier worker on their wall-clock intervals. Off with {@code
 * hexproof.oracle.scheduling: false} (tests call {@link EntropyService#tick()} and {@link
 * PocWorker#runOnce()} themselves). Each poll runs {@code verifier-threads} worker runs at once. A
 * failed run is logged and retried at the next interval.
 *
 * <p>On a graceful shutdown (Micronaut's {@code micronaut.lifecycle.graceful-shutdown}, before the
 * database pool closes) the worker is {@linkplain PocWorker#stop() stopped} at its next batch
 * boundary, no further poll starts a run, and the shutdown waits for the poll in progress.
 */
@Singleton
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
@Requires(property = "hexproof.oracle.scheduling", notEquals = "false")
public final class OracleSchedulers implements GracefulShutdownCapable {
  private static final Logger LOG = LoggerFactory.getLogger(OracleSchedulers.class);

  private final EntropyService entropy;
  private final PocWorker worker;
  private final int threads;
  private final CompletableFuture<Void> idle = new CompletableFuture<>();
  private int polling;
  private boolean stopping;

  /**
   * @param entropy the entropy service
   * @param worker the verifier
   * @param config how many worker runs go in parallel
   */
  public OracleSchedulers(EntropyService entropy, PocWorker worker, OracleConfig config) {
    this.entropy = entropy;
    this.worker = worker;
    this.threads = config.verifierThreads();
  }

  /** One entropy value. */
  @Scheduled(fixedRate = "${hexproof.oracle.entropy-interval:60s}")
  void entropyTick() {
    try {
      entropy.tick();
    } catch (RuntimeException e) {
      LOG.warn("entropy tick failed, next interval retries: {}", e.toString());
    }
  }

  /** One verifier run. */
  @Scheduled(
      fixedDelay = "${hexproof.oracle.verifier-poll-interval:30s}",
      initialDelay = "${hexproof.oracle.verifier-poll-interval:30s}")
  void verify() {
    synchronized (this) {
      if (stopping) {
        return;
      }
      polling++;
    }
    try {
      verifyOnAllThreads();
    } finally {
      synchronized (this) {
        polling--;
        if (stopping && polling == 0) {
          idle.complete(null);
        }
      }
    }
  }

  /**
   * Stops the worker after its current batch; completes when no poll runs any more. Never completes
   * exceptionally (a failed run was logged by the poll).
   */
  @Override
  public synchronized CompletionStage<?> shutdownGracefully() {
    stopping = true;
    worker.stop();
    if (polling == 0) {
      idle.complete(null);
    }
    return idle;
  }

  @Override
  public synchronized OptionalLong reportActiveTasks() {
    return OptionalLong.of(polling);
  }

  private void verifyOnAllThreads() {
    List<Thread> others = new ArrayList<>();
    for (int i = 1; i < threads; i++) {
      Thread t = new Thread(this::verifyOnce, "poc-verifier-" + i);
      t.setDaemon(true);
      t.start();
      others.add(t);
    }
    verifyOnce();
    for (Thread t : others) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void verifyOnce() {
    try {
      PocWorker.RunSummary summary = worker.runOnce();
      if (summary.verified() + summary.staleBeacons() + summary.staleWitnesses() > 0) {
        LOG.info("verifier: {}", summary);
      }
    } catch (RuntimeException e) {
      LOG.warn("verifier run failed, next interval retries: {}", e.toString());
    }
  }
}
