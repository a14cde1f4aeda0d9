package org.hexproof.support.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the service's PostgreSQL is and how the connection pool behaves.
 *
 * <p>Keys under {@code hexproof.database}:
 *
 * <ul>
 *   <li>{@code url}: r2dbc URL of a running server ({@code
 *       r2dbc:postgresql://user:password@host:5432/database}, {@code postgres://…} also accepted).
 *       When absent, the environment variable {@code DATABASE_URL} is used; when both are absent an
 *       embedded PostgreSQL is started (see {@link EmbeddedDatabase}).
 *   <li>{@code data-directory}: data directory of the embedded server. Set: persistent (the devnet
 *       uses one under {@code ~/.hexproof/}). Unset: a temporary directory deleted at shutdown.
 *       Ignored when a URL is configured.
 *   <li>{@code pool-max-size}: most pooled connections (default 10).
 *   <li>{@code acquire-timeout}: longest wait for a pooled connection, also the connect timeout and
 *       the wait of the startup reachability check (default {@code 5s}).
 *   <li>{@code migration-timeout}: longest time one migration file may take (default {@code 10m}).
 * </ul>
 *
 * @param url r2dbc or postgres URL of an external server, or null for embedded/{@code DATABASE_URL}
 * @param dataDirectory embedded server data directory, or null for a temporary one
 * @param poolMaxSize maximum pooled connections
 * @param acquireTimeout connection acquisition and connect timeout
 * @param migrationTimeout timeout for applying one migration file
 */
@ConfigurationProperties("hexproof.database")
public record DatabaseConfig(
    @Nullable String url,
    @Nullable Path dataDirectory,
    @Bindable(defaultValue = "10") @Min(1) @Max(1000) int poolMaxSize,
    @Bindable(defaultValue = "5s") @NotNull Duration acquireTimeout,
    @Bindable(defaultValue = "10m") @NotNull Duration migrationTimeout) {

  /** Environment variable consulted when {@code hexproof.database.url} is not set. */
  public static final String DATABASE_URL_ENV = "DATABASE_URL";

  /**
   * Configuration with every default: embedded server in a temporary directory.
   *
   * @return defaults, for code and tests that build the pieces by hand
   */
  public static DatabaseConfig defaults() {
    return new DatabaseConfig(null, null, 10, Duration.ofSeconds(5), Duration.ofMinutes(10));
  }

  /**
   * The configured URL, parsed; falls back to {@code DATABASE_URL} from {@code environment}.
   *
   * @param environment value of {@code DATABASE_URL}, empty when unset
   * @return the external server to use, or empty to start an embedded one
   * @throws IllegalArgumentException when the URL in use is malformed
   */
  public Optional<DatabaseUrl> resolveUrl(Optional<String> environment) {
    return DatabaseUrl.resolve(Optional.ofNullable(url), environment);
  }

  /**
   * The data directory of the embedded server.
   *
   * @return the persistent directory, or empty for a temporary one
   */
  public Optional<Path> embeddedDataDirectory() {
    return Optional.ofNullable(dataDirectory);
  }
}
