package org.hexproof.bridge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.RuntimeBeanDefinition;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.hexproof.bridge.outbox.MutableClock;
import org.hexproof.poc.app.PocDatabase;
import org.hexproof.poc.entropy.EntropyService;
import org.hexproof.poc.store.Rows;
import org.hexproof.poc.worker.DensityCache;
import org.hexproof.poc.worker.PocWorker;
import org.hexproof.support.db.Sql;

/**
 * A real oracle for end-to-end tests: the {@code oracle} environment's context with an embedded
 * PostgreSQL, background scheduling off, its HTTP server on a random local port, and a {@link
 * MutableClock} in place of the system clock so the test ticks entropy and passes the entropy
 * window itself.
 */
final class RealOracle implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final MutableClock clock =
      new MutableClock(Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS));
  private final ApplicationContext context;
  private final EmbeddedServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * @param keyDir where the oracle key is created
   */
  RealOracle(Path keyDir) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("micronaut.server.host", "127.0.0.1");
    properties.put("micronaut.server.port", -1);
    properties.put("hexproof.oracle.scheduling", false);
    properties.put("hexproof.oracle.network", "testnet");
    properties.put("hexproof.oracle.key-file", keyDir.resolve("oracle.key").toString());
    context =
        ApplicationContext.builder()
            .environments("oracle")
            .properties(properties)
            .beanDefinitions(
                RuntimeBeanDefinition.builder(Clock.class, () -> (Clock) clock)
                    .singleton(true)
                    .replaces(Clock.class)
                    .build())
            .start();
    server = context.getBean(EmbeddedServer.class).start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  Sql sql() {
    return bean(PocDatabase.class).sql();
  }

  /** A new entropy value at the current oracle time. */
  void tickEntropy() {
    bean(EntropyService.class).tick();
  }

  void advance(Duration by) {
    clock.advance(by);
  }

  /**
   * HIP 106 needs history: the state earlier rounds would have left (everyone witnessed and had a
   * beacon witnessed a day ago), as OracleFlowIT seeds it.
   */
  void seedReciprocity() {
    sql()
        .update(
            "UPDATE poc.hotspot SET last_witness_at = $1, last_beacon_reciprocity_at = $1",
            Rows.bind(clock.instant().minus(Duration.ofDays(1))));
    bean(DensityCache.class).invalidate();
  }

  PocWorker.RunSummary runWorker() {
    return bean(PocWorker.class).runOnce();
  }

  long count(String sqlText, Object... args) {
    return sql().queryOne(sqlText, row -> Rows.required(row, "n", Long.class), args).orElseThrow();
  }

  JsonNode getJson(String path) {
    try {
      HttpResponse<String> reply =
          http.send(
              HttpRequest.newBuilder(url().resolve(path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (reply.statusCode() != 200) {
        throw new AssertionError("GET " + path + ": " + reply.statusCode() + " " + reply.body());
      }
      return JSON.readTree(reply.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    context.close();
  }
}
