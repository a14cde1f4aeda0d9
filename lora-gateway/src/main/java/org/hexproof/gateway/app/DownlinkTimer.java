package org.hexproof.gateway.app;

import java.util.concurrent.ScheduledExecutorService;

/** Owns the executor that times out downlinks; closing it stops the executor. */
record DownlinkTimer(ScheduledExecutorService executor) implements AutoCloseable {
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
