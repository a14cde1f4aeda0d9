package org.hexproof.poc.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the oracle ({@code hexproof.oracle.*}); application.yml documents every key.
 *
 * @param enabled whether this process runs the oracle beans at all
 * @param keyFile the oracle's Ed25519 key (PKCS#8 PEM or Helium binary); created owner-only on
 *     first start when missing
 * @param network {@code mainnet} or {@code testnet}: the network reports' keys must be tagged with,
 *     and the network of a newly created oracle key
 * @param operatorToken bearer token for denylist changes; unset or blank disables them (403)
 * @param scheduling whether the entropy and verifier schedulers run (tests call them by hand)
 * @param entropyInterval wall-clock period of the entropy scheduler (60 s as Helium)
 * @param verifierPollInterval wall-clock period of the verifier worker (30 s as Helium's runner)
 * @param verifyBatchSize beacons claimed per verifier transaction
 * @param verifierThreads worker runs in parallel per poll in this process; they coordinate through
 *     the database like workers of separate processes, so one verifies while another waits on it
 * @param maxBodyBytes largest accepted protobuf body, bytes; larger is 413
 * @param maxBatchReports most reports in one batch request; more is 413
 * @param maxQueuedReports most single reports waiting for the database at once; a report beyond it
 *     is answered 503 with {@code Retry-After} at once (the database is slow or down) instead of
 *     waiting with the others
 * @param staleAfter reports not verified this long after receipt are closed as {@code stale}
 * @param witnessWindow witnesses joined to a beacon are received within this of the beacon
 * @param watermarkGrace the watermark stays this far behind now, covering requests stamped but not
 *     yet stored
 * @param ruleProfile {@code helium-iot-2025}: LoRa beacons by Helium's IoT constants, WiFi beacons
 *     (beaconer in {@code WIFI-2G4}) by the same with the WiFi radio constants ({@code
 *     RuleProfiles.helium()})
 * @param interactivityWindow HIP 17: hotspots with a beacon reciprocity this recent count in hex
 *     density
 * @param densityRefresh the hex density map is rebuilt at least this often
 */
// bound and validated when the context starts, so that a bad value stops `hexproof oracle` at once
@Context
@ConfigurationProperties("hexproof.oracle")
@Requires(env = "oracle")
@Requires(property = "hexproof.oracle.enabled", notEquals = "false")
public record OracleConfig(
    @Bindable(defaultValue = "true") boolean enabled,
    @NotNull Path keyFile,
    @Bindable(defaultValue = "mainnet") @Pattern(regexp = "mainnet|testnet") String network,
    @Nullable String operatorToken,
    @Bindable(defaultValue = "true") boolean scheduling,
    @Bindable(defaultValue = "60s") @NotNull Duration entropyInterval,
    @Bindable(defaultValue = "30s") @NotNull Duration verifierPollInterval,
    @Bindable(defaultValue = "100") @Min(1) @Max(25000) int verifyBatchSize,
    @Bindable(defaultValue = "2") @Min(1) @Max(64) int verifierThreads,
    @Bindable(defaultValue = "4096") @Min(256) @Max(1048576) int maxBodyBytes,
    @Bindable(defaultValue = "500") @Min(1) @Max(10000) int maxBatchReports,
    @Bindable(defaultValue = "4096") @Min(1) @Max(1000000) int maxQueuedReports,
    @Bindable(defaultValue = "45m") @NotNull Duration staleAfter,
    @Bindable(defaultValue = "7m") @NotNull Duration witnessWindow,
    @Bindable(defaultValue = "10s") @NotNull Duration watermarkGrace,
    @Bindable(defaultValue = "helium-iot-2025") @NotBlank @Pattern(regexp = "helium-iot-2025")
        String ruleProfile,
    @Bindable(defaultValue = "60h") @NotNull Duration interactivityWindow,
    @Bindable(defaultValue = "30m") @NotNull Duration densityRefresh) {

  /** The operator token, when one is configured. */
  public Optional<String> token() {
    return Optional.ofNullable(operatorToken).filter(t -> !t.isBlank());
  }
}
