package org.hexproof.support.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micronaut.context.ApplicationContext;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bean wiring when a URL is configured; needs no running database. */
class DatabaseFactoryTest {

  @Test
  void unreachableConfiguredServerStopsStartupWithAClearMessage() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Map<String, Object> properties =
        Map.of(
            "hexproof.database.url",
            "r2dbc:postgresql://poc:hunter2@127.0.0.1:" + closedPort + "/hexproof",
            "hexproof.database.acquire-timeout",
            "2s");
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      assertThat(context.containsBean(EmbeddedDatabase.class)).isFalse();

      Throwable failure = catchThrowable(() -> context.getBean(ConnectionFactory.class));

      assertThat(rootOfType(failure, DatabaseUnavailableException.class))
          .hasMessageContaining(
              "PostgreSQL at r2dbc:postgresql://poc:***@127.0.0.1:" + closedPort + "/hexproof")
          .hasMessageContaining("is unreachable")
          .hasMessageNotContaining("hunter2");
    }
  }

  @Test
  void malformedConfiguredUrlStopsStartup() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("hexproof.database.url", "mysql://u@h/d"))) {
      Throwable failure = catchThrowable(() -> context.getBean(ConnectionFactory.class));

      assertThat(rootOfType(failure, IllegalArgumentException.class))
          .hasMessageContaining("database URL: expected r2dbc:postgresql://");
    }
  }

  private static Throwable rootOfType(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the cause chain", failure);
  }
}
