package org.hexproof.poc.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.graceful.GracefulShutdownConfiguration;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hexproof.poc.worker.PocWorker;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The shipped application.yml loads, documents exactly the config record's keys, and binds. */
class ApplicationYamlIT {

  @Test
  void application_yml_names_every_oracle_key_and_no_other() throws Exception {
    Map<String, Object> oracle = oracleSection();
    Set<String> components =
        Arrays.stream(OracleConfig.class.getRecordComponents())
            .map(c -> c.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.toSet());
    assertThat(oracle.keySet()).containsExactlyInAnyOrderElementsOf(components);
  }

  @Test
  void application_yml_binds_to_the_documented_values() {
    try (ApplicationContext context =
        ApplicationContext.builder()
            .environments("oracle")
            .properties(
                Map.of(
                    "hexproof.oracle.key-file", "target/it-keys/yaml/oracle.key",
                    "hexproof.oracle.scheduling", "false"))
            .start()) {
      OracleConfig config = context.getBean(OracleConfig.class);
      assertThat(config.keyFile()).isEqualTo(Path.of("target/it-keys/yaml/oracle.key"));
      assertThat(config.network()).isEqualTo("mainnet");
      assertThat(config.token()).isEmpty();
      assertThat(config.entropyInterval()).isEqualTo(Duration.ofSeconds(60));
      assertThat(config.verifierPollInterval()).isEqualTo(Duration.ofSeconds(30));
      assertThat(config.verifyBatchSize()).isEqualTo(100);
      assertThat(config.verifierThreads()).isEqualTo(2);
      assertThat(config.maxBatchReports()).isEqualTo(500);
      assertThat(config.maxQueuedReports()).isEqualTo(4096);
      assertThat(config.maxBodyBytes()).isEqualTo(4096);
      assertThat(config.staleAfter()).isEqualTo(Duration.ofMinutes(45));
      assertThat(config.witnessWindow()).isEqualTo(Duration.ofMinutes(7));
      assertThat(config.watermarkGrace()).isEqualTo(Duration.ofSeconds(10));
      assertThat(config.ruleProfile()).isEqualTo("helium-iot-2025");
      assertThat(config.interactivityWindow()).isEqualTo(Duration.ofHours(60));
      assertThat(config.densityRefresh()).isEqualTo(Duration.ofMinutes(30));
      assertThat(context.getBean(PocWorker.class)).isNotNull();
      // a stop drains requests and the verifier's batch first (GracefulStopIT)
      assertThat(context.getBean(GracefulShutdownConfiguration.class).getGracePeriod())
          .isEqualTo(Duration.ofSeconds(5));
    }
  }

  @Test
  void an_unknown_rule_profile_stops_the_start_naming_the_expected_one() {
    // "wifi" was a profile for a whole oracle; WiFi beacons now get theirs per beacon. The
    // configuration is validated when the context starts, not when a request first needs it.
    var start =
        ApplicationContext.builder()
            .environments("oracle")
            .properties(
                Map.of(
                    "hexproof.oracle.key-file", "target/it-keys/yaml/oracle.key",
                    "hexproof.oracle.scheduling", "false",
                    "hexproof.oracle.rule-profile", "wifi"));
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> start.start().close());
    assertThat(thrown).isNotNull();
    StringBuilder messages = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    assertThat(messages.toString()).contains("ruleProfile").contains("helium-iot-2025");
  }

  @Test
  void disabled_oracle_has_no_beans() {
    try (ApplicationContext context =
        ApplicationContext.builder()
            .environments("oracle")
            .properties(Map.of("hexproof.oracle.enabled", "false"))
            .start()) {
      assertThat(context.containsBean(PocWorker.class)).isFalse();
      assertThat(context.containsBean(PocDatabase.class)).isFalse();
      assertThat(context.containsBean(OracleConfig.class)).isFalse();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> oracleSection() throws Exception {
    try (InputStream in = ApplicationYamlIT.class.getResourceAsStream("/application-oracle.yml")) {
      Map<String, Object> root = new Yaml().load(in);
      return (Map<String, Object>) ((Map<String, Object>) root.get("hexproof")).get("oracle");
    }
  }
}
