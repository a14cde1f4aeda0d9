package org.hexproof.support.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

  @Test
  void defaults() {
    try (ApplicationContext context = ApplicationContext.run()) {
      assertThat(context.getBean(DatabaseConfig.class)).isEqualTo(DatabaseConfig.defaults());
    }
  }

  @Test
  void bindsEveryKey() {
    Map<String, Object> properties =
        Map.of(
            "hexproof.database.url", "postgres://u@h/d",
            "hexproof.database.data-directory", "/var/lib/hexproof/pg",
            "hexproof.database.pool-max-size", "3",
            "hexproof.database.acquire-timeout", "2s",
            "hexproof.database.migration-timeout", "1m");
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      assertThat(context.getBean(DatabaseConfig.class))
          .isEqualTo(
              new DatabaseConfig(
                  "postgres://u@h/d",
                  Path.of("/var/lib/hexproof/pg"),
                  3,
                  Duration.ofSeconds(2),
                  Duration.ofMinutes(1)));
    }
  }

  @Test
  void invalidPoolSizeFailsWhenTheConfigIsCreated() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("hexproof.database.pool-max-size", "0"))) {
      assertThatThrownBy(() -> context.getBean(DatabaseConfig.class))
          .hasMessageContaining("poolMaxSize");
    }
  }
}
