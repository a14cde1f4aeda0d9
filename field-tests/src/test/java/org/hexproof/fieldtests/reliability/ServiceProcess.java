package org.hexproof.fieldtests.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hexproof service in a JVM of its own ({@link ServiceMain} on this JVM's class path), on a fixed
 * loopback port so that clients keep their URL across restarts. {@link #kill} is SIGKILL on Linux
 * ({@link Process#destroyForcibly}): no shutdown hook, no close, no flush.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Duration START_BUDGET = Duration.ofSeconds(90);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final String environments;
  private final int port;
  private final Map<String, String> properties;
  private final Path log;
  private Process process;
  private int starts;

  /**
   * @param name for the log file and messages
   * @param environments the Micronaut environments, comma-separated
   * @param port the HTTP port, on 127.0.0.1
   * @param properties the context's properties (port and host are added)
   * @param logDir where {@code NAME.log} collects the output of every start
   */
  ServiceProcess(
      String name, String environments, int port, Map<String, String> properties, Path logDir) {
    this.name = name;
    this.environments = environments;
    this.port = port;
    this.properties = Map.copyOf(properties);
    this.log = logDir.resolve(name + ".log");
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  int port() {
    return port;
  }

  int starts() {
    return starts;
  }

  /**
   * Starts the JVM with the configured properties plus {@code extra}, and waits until it serves.
   */
  void start(Map<String, String> extra) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    // C1 only: these JVMs are killed and restarted often, so start-up counts more than peak speed
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ServiceMain.class.getName());
    command.add(environments);
    command.add("micronaut.server.host=127.0.0.1");
    command.add("micronaut.server.port=" + port);
    properties.forEach((k, v) -> command.add(k + "=" + v));
    extra.forEach((k, v) -> command.add(k + "=" + v));
    long deadline = System.nanoTime() + START_BUDGET.toNanos();
    // a killed server's port can stay taken for a moment (connections closing): start again then
    for (int attempt = 1; ; attempt++) {
      launch(command);
      if (awaitServing(deadline)) {
        return;
      }
      if (attempt == 3 || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " while starting; see " + log);
      }
      sleep(1_000);
    }
  }

  private void launch(List<String> command) {
    try {
      Files.writeString(
          log,
          "=== start " + (starts + 1) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    starts++;
  }

  /** True once it serves; false when it exited; throws when the budget is spent. */
  private boolean awaitServing(long deadline) {
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false;
      }
      if (answers()) {
        return true;
      }
      sleep(100);
    }
    throw new IllegalStateException(
        name + " did not serve within " + START_BUDGET + "; see " + log);
  }

  void start() {
    start(Map.of());
  }

  /**
   * Whether the server answers HTTP at all (any status: /health is 503 while the database is down).
   */
  boolean answers() {
    try {
      HTTP.send(
          HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL, then waits for the process to be gone. */
  void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
