package org.hexproof.coverage.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Settings of the coverage service ({@code hexproof.coverage.*}, documented in {@code
 * application-coverage.yml}).
 *
 * @param enabled whether this process runs the coverage service; off unless the {@code coverage}
 *     environment (or the devnet) turns it on, so other services sharing the launcher jar never
 *     start its database or feed thread
 * @param oracleUrl base URL of the poc-oracle whose {@code /v1/poc/feed} is consumed
 * @param pageSize feed entries asked per request, 1..5000
 * @param pollInterval wait between polls when caught up; first back-off step
 * @param maxBackoff longest wait between retries while the oracle is unreachable
 * @param requestTimeout connect and read timeout of one feed request
 * @param databaseTimeout longest wait for one database step
 * @param freshnessWindow a hotspot counts only if its last valid PoC is this recent
 * @param measurementMaxAge measurements older than this are ignored
 * @param refreshInterval the map is rebuilt at least this often even without new data, since
 *     freshness depends on the clock
 * @param tileCacheSize most vector tiles kept in memory
 * @param maxMeasurementsPerRequest largest accepted {@code POST /v1/coverage/measurements} array
 * @param tileUrl optional online base-map tile URL template ({@code …/{z}/{x}/{y}.png}); empty: the
 *     page shows the offline country outlines only
 * @param tileAttribution attribution shown with {@code tileUrl}
 */
@ConfigurationProperties("hexproof.coverage")
public record CoverageConfig(
    @Bindable(defaultValue = "false") boolean enabled,
    @Bindable(defaultValue = "http://localhost:8081") @NotBlank String oracleUrl,
    @Bindable(defaultValue = "500") @Min(1) @Max(5000) int pageSize,
    @Bindable(defaultValue = "5s") @NotNull Duration pollInterval,
    @Bindable(defaultValue = "60s") @NotNull Duration maxBackoff,
    @Bindable(defaultValue = "10s") @NotNull Duration requestTimeout,
    @Bindable(defaultValue = "30s") @NotNull Duration databaseTimeout,
    @Bindable(defaultValue = "24h") @NotNull Duration freshnessWindow,
    @Bindable(defaultValue = "90d") @NotNull Duration measurementMaxAge,
    @Bindable(defaultValue = "60s") @NotNull Duration refreshInterval,
    @Bindable(defaultValue = "2048") @Min(1) int tileCacheSize,
    @Bindable(defaultValue = "10000") @Min(1) int maxMeasurementsPerRequest,
    @Bindable(defaultValue = "") String tileUrl,
    @Bindable(defaultValue = "") String tileAttribution) {}
