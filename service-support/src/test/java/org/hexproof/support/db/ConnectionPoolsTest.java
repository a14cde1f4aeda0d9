package org.hexproof.support.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionPoolsTest {

  @Test
  void unreachableServerFailsFastNamingTheUrlWithoutThePassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    DatabaseUrl url = new DatabaseUrl("127.0.0.1", closedPort, "d", "u", "hunter2", Map.of());

    long start = System.nanoTime();
    assertThatThrownBy(() -> ConnectionPools.open(url, 2, Duration.ofSeconds(2)))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("PostgreSQL at r2dbc:postgresql://u:***@127.0.0.1:" + closedPort)
        .hasMessageContaining("is unreachable")
        .hasMessageNotContaining("hunter2");
    org.assertj.core.api.Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Duration.ofSeconds(10));
  }
}
