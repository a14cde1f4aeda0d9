package org.hexproof.support.db;

import io.r2dbc.pool.ConnectionPoolException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import reactor.pool.PoolShutdownException;

/** Tells a database outage apart from a bad statement. */
public final class DatabaseFailures {
  private DatabaseFailures() {}

  /**
   * Whether {@code failure} (or a cause) means the database can't be reached or is overloaded right
   * now: connection refused or lost, pool exhausted or closed (also by a stopping service),
   * timeouts, transient server states. Such failures are worth retrying and answer 503; anything
   * else (bad SQL, constraint violation) is a bug or a domain question.
   *
   * @param failure the exception
   * @return true for an outage
   */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof R2dbcTransientException
          || t instanceof R2dbcNonTransientResourceException
          || t instanceof ConnectionPoolException
          || t instanceof PoolShutdownException
          || t instanceof DatabaseUnavailableException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
