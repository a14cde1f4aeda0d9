package org.hexproof.launcher;

import io.micronaut.context.ApplicationContext;

/**
 * Keeps a started service in the foreground until Micronaut's own shutdown hook (Ctrl-C, SIGTERM)
 * has stopped it: the HTTP server first, then the context with its workers, pool and embedded
 * PostgreSQL. A second hook closing the context as well would deadlock with Micronaut's, so this
 * only waits.
 */
final class Foreground {
  private static final long POLL_MILLIS = 200;

  private Foreground() {}

  static void untilStopped(ApplicationContext context) throws InterruptedException {
    while (context.isRunning()) {
      Thread.sleep(POLL_MILLIS);
    }
  }
}
