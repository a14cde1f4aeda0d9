package org.hexproof.rewards.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the rewards service ({@code hexproof.rewards.*}; every key is documented in
 * application-rewards.yml).
 *
 * @param enabled whether this process runs the rewards service
 * @param oracleUrl base URL of the poc-oracle whose verified-PoC feed is read
 * @param pageSize feed entries per request, 1..5000
 * @param pollInterval pause between feed reads once caught up
 * @param retryMax longest back-off while the oracle or the database is down
 * @param epochLength epoch length (a UTC day by default; whole milliseconds)
 * @param closeOffset how far past an epoch's end the feed watermark must be before it closes
 * @param closeInterval pause between checks for a closable epoch
 * @param firstEpoch first epoch index to close; unset: the epoch of the earliest share
 * @param initialEmission emission per epoch before the first halving, base units
 * @param tokenDecimals token decimals
 * @param halvingPeriod time between halvings
 * @param genesis ISO-8601 instant the emission schedule starts
 * @param priceUsd price of one whole token in USD (values data credits), decimal text
 * @param oracleKeyFile this instance's oracle key (PEM or Helium binary)
 * @param oracles base58 public keys of the oracles whose signatures count; unset: this instance's
 * @param threshold how many of them must sign a mint (k of n: each instance stores its partial
 *     signature; the epoch mints once k configured oracles signed the identical manifest)
 * @param databaseTimeout longest wait for one database step
 */
@ConfigurationProperties("hexproof.rewards")
public record RewardsConfig(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "http://localhost:8080") @NotBlank String oracleUrl,
    @Bindable(defaultValue = "500") @Min(1) @Max(5000) int pageSize,
    @Bindable(defaultValue = "5s") @NotNull Duration pollInterval,
    @Bindable(defaultValue = "60s") @NotNull Duration retryMax,
    @Bindable(defaultValue = "1d") @NotNull Duration epochLength,
    @Bindable(defaultValue = "30m") @NotNull Duration closeOffset,
    @Bindable(defaultValue = "30s") @NotNull Duration closeInterval,
    @Nullable Long firstEpoch,
    @Bindable(defaultValue = "4109589041095") @Min(0) long initialEmission,
    @Bindable(defaultValue = "8") @Min(0) @Max(18) int tokenDecimals,
    @Bindable(defaultValue = "730d") @NotNull Duration halvingPeriod,
    @Bindable(defaultValue = "2026-01-01T00:00:00Z") @NotBlank String genesis,
    @Bindable(defaultValue = "1") @NotBlank String priceUsd,
    @NotNull Path oracleKeyFile,
    @Nullable List<String> oracles,
    @Bindable(defaultValue = "1") @Min(1) int threshold,
    @Bindable(defaultValue = "10s") @NotNull Duration databaseTimeout) {}
